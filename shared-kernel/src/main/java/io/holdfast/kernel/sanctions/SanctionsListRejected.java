package io.holdfast.kernel.sanctions;

import io.holdfast.kernel.Policy;

/**
 * A sanctions list refused an import because it would break one of its policies. The message is
 * a sentence for a compliance officer; {@code policy} names the rule.
 */
public class SanctionsListRejected extends RuntimeException {

    private final String policy;
    private final boolean notPermitted;

    private SanctionsListRejected(String policy, boolean notPermitted, String sentence) {
        super(sentence);
        this.policy = policy;
        this.notPermitted = notPermitted;
    }

    public static SanctionsListRejected conflict(Policy policy, String sentence) {
        return new SanctionsListRejected(policy.id(), false, sentence);
    }

    public static SanctionsListRejected notPermitted(Policy policy, String sentence) {
        return new SanctionsListRejected(policy.id(), true, sentence);
    }

    public String policy() {
        return policy;
    }

    public boolean notPermitted() {
        return notPermitted;
    }
}

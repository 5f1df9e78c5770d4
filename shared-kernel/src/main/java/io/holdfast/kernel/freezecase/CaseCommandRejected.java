package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Policy;

/**
 * A freeze case refused a command because it would break one of the case's policies. The message
 * is a sentence for a compliance officer; {@code policy} names the rule that was broken.
 */
public class CaseCommandRejected extends RuntimeException {

    /** How a client should read the refusal. */
    public enum Kind {
        /** The command conflicts with the case's state or rules. */
        CONFLICT,
        /** The caller's role or agency may not issue this command. */
        NOT_PERMITTED,
        /** The caller may not know the case exists. */
        NOT_VISIBLE,
        /** The command was meant for another version of the case than its current one. */
        STALE_VERSION
    }

    private final String policy;
    private final Kind kind;

    public CaseCommandRejected(String policy, Kind kind, String sentence) {
        super(sentence);
        this.policy = policy;
        this.kind = kind;
    }

    public static CaseCommandRejected conflict(Policy policy, String sentence) {
        return new CaseCommandRejected(policy.id(), Kind.CONFLICT, sentence);
    }

    public static CaseCommandRejected notPermitted(Policy policy, String sentence) {
        return new CaseCommandRejected(policy.id(), Kind.NOT_PERMITTED, sentence);
    }

    public static CaseCommandRejected notVisible(Policy policy, String sentence) {
        return new CaseCommandRejected(policy.id(), Kind.NOT_VISIBLE, sentence);
    }

    public static CaseCommandRejected staleVersion(Policy policy, String sentence) {
        return new CaseCommandRejected(policy.id(), Kind.STALE_VERSION, sentence);
    }

    public String policy() {
        return policy;
    }

    public Kind kind() {
        return kind;
    }
}

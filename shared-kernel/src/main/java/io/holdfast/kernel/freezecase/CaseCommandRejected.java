package io.holdfast.kernel.freezecase;

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

    public static CaseCommandRejected conflict(String policy, String sentence) {
        return new CaseCommandRejected(policy, Kind.CONFLICT, sentence);
    }

    public static CaseCommandRejected notPermitted(String policy, String sentence) {
        return new CaseCommandRejected(policy, Kind.NOT_PERMITTED, sentence);
    }

    /**
     * The policy that hides a case from a liaison of an agency not party to it. Its refusal must read
     * exactly like the answer for a case that does not exist, so its name is never shown.
     */
    public static final String CASE_HIDDEN_POLICY = "liaisonSeesOnlyCasesOfItsAgency";

    public static CaseCommandRejected notVisible(String policy, String sentence) {
        return new CaseCommandRejected(policy, Kind.NOT_VISIBLE, sentence);
    }

    public static CaseCommandRejected staleVersion(String policy, String sentence) {
        return new CaseCommandRejected(policy, Kind.STALE_VERSION, sentence);
    }

    public String policy() {
        return policy;
    }

    public Kind kind() {
        return kind;
    }
}

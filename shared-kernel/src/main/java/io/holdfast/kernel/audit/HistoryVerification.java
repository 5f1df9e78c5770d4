package io.holdfast.kernel.audit;

/**
 * The outcome of verifying a case's history: valid when every entry is in its place, chained to
 * the one before, and equal to the event the store holds. Otherwise {@code firstInvalidSequence}
 * names the first entry that is altered, missing or out of place, and {@code finding} says how.
 */
public record HistoryVerification(
        String caseId, boolean valid, long entries, String headHash, Long firstInvalidSequence, String finding) {}

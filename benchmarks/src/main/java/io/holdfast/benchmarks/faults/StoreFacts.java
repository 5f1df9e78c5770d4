package io.holdfast.benchmarks.faults;

import java.util.List;
import java.util.Map;

/**
 * What the checker compares a history with, read after the run: where each Idempotency-Key's events
 * are stored (case, sequence and type, once per stored event), each case's stored sequence numbers, the
 * types of the events its deadlines recorded when they fired, the read-model tables unlike a fresh replay, and the audit chains and ledger that do not verify.
 */
public record StoreFacts(
        Map<String, List<StoredEvent>> eventsByKey,
        Map<String, List<Long>> sequencesByCase,
        Map<String, List<String>> deadlineEventsByCase,
        List<String> tablesUnlikeAReplay,
        List<String> verificationFailures) {

    /** An event stored under an Idempotency-Key, with the name of its type. */
    public record StoredEvent(String caseId, long sequence, String type) {}
}

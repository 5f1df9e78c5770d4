package io.holdfast.benchmarks.faults;

import io.holdfast.benchmarks.faults.History.Operation;
import io.holdfast.benchmarks.faults.History.Outcome;
import io.holdfast.benchmarks.faults.StoreFacts.StoredEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a client history against what the store holds after the run, and names every anomaly with
 * the request it concerns:
 *
 * <ul>
 *   <li>an ok write is stored exactly once, at the version its answer named;
 *   <li>a failed write (a definite refusal) is not stored;
 *   <li>an unknown write is stored at most once, and every answer its key got names the same version;
 *   <li>each case's versions run 0, 1, 2, … without a gap or a repeat;
 *   <li>a client's reads of a case never show an older version than it saw before, unless the
 *       answer says so ({@code Warning: 110});
 *   <li>every read model equals a fresh replay, every audit chain and the ledger verify.
 * </ul>
 */
public final class HistoryChecker {

    /** One anomaly, with the request it concerns (null for a whole-store finding). */
    public record Anomaly(String rule, String finding, Operation operation) {
        @Override
        public String toString() {
            return rule + ": " + finding + (operation == null ? "" : " (" + operation + ")");
        }
    }

    private HistoryChecker() {}

    public static List<Anomaly> check(History history, StoreFacts store) {
        List<Anomaly> anomalies = new ArrayList<>();
        Map<String, List<Operation>> writesByKey = new HashMap<>();
        for (Operation operation : history.operations()) {
            if (operation.isWrite()) {
                writesByKey
                        .computeIfAbsent(operation.idempotencyKey(), key -> new ArrayList<>())
                        .add(operation);
            }
        }
        writesByKey.forEach((key, writes) -> checkKey(key, writes, store, anomalies, history));
        writesByKey.forEach((key, writes) -> checkDeadlines(key, writes, store, anomalies));
        store.sequencesByCase().forEach((caseId, sequences) -> checkContiguous(caseId, sequences, anomalies));
        checkReadsNeverGoBack(history, anomalies);
        store.tablesUnlikeAReplay()
                .forEach(table -> anomalies.add(new Anomaly(
                        "every read model equals a fresh replay",
                        "table " + table + " differs from its replay",
                        null)));
        store.verificationFailures()
                .forEach(failure ->
                        anomalies.add(new Anomaly("every audit chain and the ledger verify", failure, null)));
        return anomalies;
    }

    /** Each attempt of one write, with its answer and when it was sent and answered by the wall clock. */
    private static String attempts(List<Operation> writes, History history) {
        return "its attempts: "
                + writes.stream()
                        .map(write -> write.outcome() + (write.status() == 0 ? "" : " " + write.status()) + " sent "
                                + history.wallClock(write.invokedAtNanos()) + " answered "
                                + history.wallClock(write.completedAtNanos()))
                        .collect(java.util.stream.Collectors.joining(", "));
    }

    private static void checkKey(
            String key, List<Operation> writes, StoreFacts store, List<Anomaly> anomalies, History history) {
        List<StoredEvent> stored = store.eventsByKey().getOrDefault(key, List.of());
        Set<String> types = new HashSet<>();
        boolean twice = false;
        for (StoredEvent event : stored) {
            twice |= !types.add(event.type())
                    || !event.caseId().equals(stored.get(0).caseId());
        }
        List<Operation> ok =
                writes.stream().filter(w -> w.outcome() == Outcome.OK).toList();
        boolean failed = writes.stream().anyMatch(w -> w.outcome() == Outcome.FAILED);
        Operation first = writes.get(0);
        if (twice) {
            anomalies.add(new Anomaly("a write is stored at most once", "stored twice: " + stored, first));
        }
        if (!ok.isEmpty()) {
            if (stored.isEmpty()) {
                anomalies.add(new Anomaly(
                        "an ok write is stored",
                        "acknowledged but not stored; " + attempts(writes, history),
                        ok.get(0)));
            }
            long answered = ok.get(0).version();
            for (Operation other : ok) {
                if (other.version() != answered) {
                    anomalies.add(new Anomaly(
                            "a retry with the same Idempotency-Key gives the first answer",
                            "answered version " + answered + " and then " + other.version(),
                            other));
                }
            }
            if (!stored.isEmpty()
                    && answered >= 0
                    && stored.stream().noneMatch(event -> event.sequence() == answered)) {
                anomalies.add(new Anomaly(
                        "an ok write is stored at the version its answer named",
                        "answered version " + answered + ", stored at " + stored,
                        ok.get(0)));
            }
        } else if (failed && !stored.isEmpty()) {
            Operation refused = writes.stream()
                    .filter(w -> w.outcome() == Outcome.FAILED)
                    .findFirst()
                    .orElseThrow();
            anomalies.add(new Anomaly("a refused write is not stored", "refused but stored: " + stored, refused));
        }
    }

    /**
     * A stored warrant whose expiry has passed was reminded of and expired, each exactly once, whichever
     * node scheduled its deadlines and whatever happened to that node.
     */
    private static void checkDeadlines(String key, List<Operation> writes, StoreFacts store, List<Anomaly> anomalies) {
        Operation first = writes.get(0);
        if (!EXPIRING_WARRANT.equals(first.kind()) || !store.eventsByKey().containsKey(key)) {
            return;
        }
        List<String> fired = store.deadlineEventsByCase().getOrDefault(first.caseId(), List.of());
        for (String deadline : DEADLINES) {
            long times = fired.stream().filter(deadline::equals).count();
            if (times != 1) {
                anomalies.add(new Anomaly(
                        "a deadline fires exactly once", deadline + " recorded " + times + " times", first));
            }
        }
    }

    /** The kind of write that records a warrant expiring during the run. */
    public static final String EXPIRING_WARRANT = "expiring-warrant";

    static final List<String> DEADLINES =
            List.of("holdfast.case.WarrantExpiryApproaching", "holdfast.case.WarrantExpired");

    private static void checkContiguous(String caseId, List<Long> sequences, List<Anomaly> anomalies) {
        TreeSet<Long> distinct = new TreeSet<>(sequences);
        if (distinct.size() != sequences.size()) {
            anomalies.add(new Anomaly(
                    "each case's versions are contiguous", caseId + " holds a version twice: " + sequences, null));
        }
        if (!distinct.isEmpty() && (distinct.first() != 0 || distinct.last() != distinct.size() - 1)) {
            anomalies.add(new Anomaly("each case's versions are contiguous", caseId + " has a gap: " + distinct, null));
        }
    }

    private static void checkReadsNeverGoBack(History history, List<Anomaly> anomalies) {
        Map<String, Operation> lastSeen = new HashMap<>();
        for (Operation operation : history.operations()) {
            if (operation.isWrite() && operation.outcome() != Outcome.OK
                    || operation.kind().equals(History.STALE_READ)) {
                continue;
            }
            String clientAndCase = operation.client() + "|" + operation.caseId();
            Operation before = lastSeen.get(clientAndCase);
            // only what was seen before this read began can bind it
            if (!operation.isWrite()
                    && before != null
                    && before.completedAtNanos() < operation.invokedAtNanos()
                    && operation.version() < before.version()) {
                anomalies.add(new Anomaly(
                        "a client's reads never go back",
                        "showed version " + operation.version() + " after version " + before.version() + " (" + before
                                + ")",
                        operation));
            }
            if (before == null || operation.version() > before.version()) {
                lastSeen.put(clientAndCase, operation);
            }
        }
    }
}

package io.holdfast.benchmarks.faults;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every request a load sent and what its client saw, as Jepsen records a history: each write is
 * invoked and then ok (with the answer's case version), failed (a definite refusal) or unknown
 * (time-out, connection lost, 5xx); each read with {@code minVersion} is ok with the version it showed.
 * Safe to record into from many client threads.
 */
public final class History {

    /** How a request ended for its client. */
    public enum Outcome {
        OK,
        FAILED,
        UNKNOWN
    }

    /**
     * One finished request. {@code version} is the case version the answer named (-1 when none);
     * {@code status} the HTTP status (0 when no answer came).
     */
    public record Operation(
            long id,
            String client,
            String kind,
            String caseId,
            String idempotencyKey,
            Outcome outcome,
            int status,
            long version,
            long invokedAtNanos,
            long completedAtNanos) {

        public boolean isWrite() {
            return idempotencyKey != null;
        }

        @Override
        public String toString() {
            return "#" + id + " " + client + " " + kind + " " + caseId
                    + (idempotencyKey == null ? "" : " key " + idempotencyKey) + " → " + outcome
                    + (status == 0 ? "" : " " + status) + (version < 0 ? "" : " v" + version);
        }
    }

    static final String READ = "read";
    static final String STALE_READ = "read said stale";

    private final ConcurrentLinkedQueue<Operation> operations = new ConcurrentLinkedQueue<>();
    private final java.time.Instant startedAt = java.time.Instant.now();
    private final long startedAtNanos = System.nanoTime();

    /** When an operation's clock reading fell, by the wall clock, to find it in Holdfast's log. */
    public java.time.Instant wallClock(long nanos) {
        return startedAt.plusNanos(nanos - startedAtNanos);
    }

    private final AtomicLong ids = new AtomicLong();

    /** A write sent with an Idempotency-Key, and how it ended. */
    public Operation write(
            String client,
            String kind,
            String caseId,
            String idempotencyKey,
            Outcome outcome,
            int status,
            long version,
            long invokedAtNanos) {
        return add(client, kind, caseId, idempotencyKey, outcome, status, version, invokedAtNanos);
    }

    /** A read of a case that showed this version (reads that got no answer are not recorded). */
    public Operation read(String client, String caseId, long version, long invokedAtNanos) {
        return read(client, caseId, version, false, invokedAtNanos);
    }

    /**
     * A read of a case; {@code saidStale} when the answer said it is older than asked for (a
     * {@code Warning: 110} after the read-your-writes wait): a client is told, so it binds nothing.
     */
    public Operation read(String client, String caseId, long version, boolean saidStale, long invokedAtNanos) {
        return add(client, saidStale ? STALE_READ : READ, caseId, null, Outcome.OK, 200, version, invokedAtNanos);
    }

    private Operation add(
            String client,
            String kind,
            String caseId,
            String idempotencyKey,
            Outcome outcome,
            int status,
            long version,
            long invokedAtNanos) {
        Operation operation = new Operation(
                ids.incrementAndGet(),
                client,
                kind,
                caseId,
                idempotencyKey,
                outcome,
                status,
                version,
                invokedAtNanos,
                System.nanoTime());
        operations.add(operation);
        return operation;
    }

    /** The operations in the order they completed. */
    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    public long staleReads() {
        return operations.stream()
                .filter(operation -> operation.kind().equals(STALE_READ))
                .count();
    }

    public long count(Outcome outcome) {
        return operations.stream()
                .filter(Operation::isWrite)
                .filter(operation -> operation.outcome() == outcome)
                .count();
    }
}

package io.holdfast.command.screening;

import java.time.Duration;
import java.time.Instant;

/**
 * One screening: what started it (a list version, an account's addresses, a bulk registration),
 * where it stands, and what it found: addresses screened, address matches, cases opened, matches
 * already flagged by an earlier screening, and name matches left for review.
 */
public record ScreeningRun(
        String runId,
        Trigger trigger,
        String list,
        Long listVersion,
        String accountId,
        Status status,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt,
        Long durationMillis,
        Long addressesScreened,
        Integer addressMatches,
        Integer flagsRaised,
        Integer alreadyFlagged,
        Integer nameMatches,
        Phases phases,
        String failure) {

    /** How long the address lookups, the flags and the name comparisons took, in milliseconds. */
    public record Phases(Long addressLookups, Long flags, Long names) {}

    public enum Trigger {
        LIST_IMPORTED,
        ADDRESSES_REGISTERED,
        BULK_REGISTRATION,
        REQUESTED
    }

    public enum Status {
        QUEUED,
        RUNNING,
        DONE,
        FAILED
    }

    static Long durationOf(Instant started, Instant finished) {
        return started == null || finished == null
                ? null
                : Duration.between(started, finished).toMillis();
    }
}

package io.holdfast.benchmarks.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.benchmarks.faults.History.Outcome;
import io.holdfast.benchmarks.faults.StoreFacts.StoredEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker finds each anomaly planted in an otherwise sound history, and names its request. */
class HistoryCheckerTest {

    private final History history = new History();
    private final Map<String, List<StoredEvent>> byKey = new HashMap<>();
    private final Map<String, List<Long>> sequences = new HashMap<>();
    private final Map<String, List<String>> deadlines = new HashMap<>();

    /** A sound run: a case flagged (ok), a warrant lost in a restart (unknown) then answered, a refused note. */
    private void soundRun() {
        history.write("p1", "flag", "C-1", "k-flag", Outcome.OK, 201, 0, System.nanoTime());
        history.read("p1", "C-1", 0, System.nanoTime());
        history.write("p1", "warrant", "C-1", "k-warrant", Outcome.UNKNOWN, 0, -1, System.nanoTime());
        history.write("p1", "warrant", "C-1", "k-warrant", Outcome.OK, 201, 1, System.nanoTime());
        history.read("p1", "C-1", 1, System.nanoTime());
        history.write("p1", "note", "C-1", "k-note", Outcome.FAILED, 422, -1, System.nanoTime());
        byKey.put("k-flag", List.of(new StoredEvent("C-1", 0, "holdfast.case.AccountFlagged")));
        byKey.put("k-warrant", List.of(new StoredEvent("C-1", 1, "holdfast.case.WarrantRecorded")));
        sequences.put("C-1", List.of(0L, 1L));
        // a warrant that expired during the run: its reminder and its expiry recorded once each
        history.write(
                "p1", HistoryChecker.EXPIRING_WARRANT, "C-2", "k-expiring", Outcome.OK, 201, 1, System.nanoTime());
        byKey.put("k-expiring", List.of(new StoredEvent("C-2", 1, "holdfast.case.WarrantRecorded")));
        sequences.put("C-2", List.of(0L, 1L, 2L, 3L));
        deadlines.put("C-2", List.of("holdfast.case.WarrantExpiryApproaching", "holdfast.case.WarrantExpired"));
    }

    private List<HistoryChecker.Anomaly> check(List<String> tablesUnlike, List<String> failures) {
        return HistoryChecker.check(history, new StoreFacts(byKey, sequences, deadlines, tablesUnlike, failures));
    }

    @Test
    void aSoundHistoryHasNoAnomaly() {
        soundRun();
        assertThat(check(List.of(), List.of())).isEmpty();
    }

    @Test
    void aDeadlineThatNeverFiredIsFound() {
        soundRun();
        deadlines.put("C-2", List.of("holdfast.case.WarrantExpiryApproaching"));
        sequences.put("C-2", List.of(0L, 1L, 2L));

        assertThat(check(List.of(), List.of())).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.rule()).isEqualTo("a deadline fires exactly once");
            assertThat(anomaly.finding()).isEqualTo("holdfast.case.WarrantExpired recorded 0 times");
            assertThat(anomaly.operation().idempotencyKey()).isEqualTo("k-expiring");
        });
    }

    @Test
    void aDeadlineThatFiredTwiceIsFound() {
        soundRun();
        deadlines.put(
                "C-2",
                List.of(
                        "holdfast.case.WarrantExpiryApproaching",
                        "holdfast.case.WarrantExpiryApproaching",
                        "holdfast.case.WarrantExpired"));
        sequences.put("C-2", List.of(0L, 1L, 2L, 3L, 4L));

        assertThat(check(List.of(), List.of()))
                .singleElement()
                .satisfies(anomaly -> assertThat(anomaly.finding())
                        .isEqualTo("holdfast.case.WarrantExpiryApproaching recorded 2 times"));
    }

    @Test
    void aCommandStoredTwiceIsFound() {
        soundRun();
        byKey.put(
                "k-warrant",
                List.of(
                        new StoredEvent("C-1", 1, "holdfast.case.WarrantRecorded"),
                        new StoredEvent("C-1", 2, "holdfast.case.WarrantRecorded")));
        sequences.put("C-1", List.of(0L, 1L, 2L));

        assertThat(check(List.of(), List.of())).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.rule()).isEqualTo("a write is stored at most once");
            assertThat(anomaly.operation().idempotencyKey()).isEqualTo("k-warrant");
        });
    }

    @Test
    void anAcknowledgedCommandThatWasLostIsFound() {
        soundRun();
        byKey.remove("k-warrant");
        sequences.put("C-1", List.of(0L));

        assertThat(check(List.of(), List.of())).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.rule()).isEqualTo("an ok write is stored");
            assertThat(anomaly.operation().toString()).contains("k-warrant", "OK");
        });
    }

    @Test
    void aRefusedCommandThatWasStoredIsFound() {
        soundRun();
        byKey.put("k-note", List.of(new StoredEvent("C-1", 2, "holdfast.case.NoteAdded")));
        sequences.put("C-1", List.of(0L, 1L, 2L));

        assertThat(check(List.of(), List.of()))
                .extracting(HistoryChecker.Anomaly::rule)
                .containsExactly("a refused write is not stored");
    }

    @Test
    void aRetryAnsweredWithAnotherVersionIsFound() {
        soundRun();
        history.write("p1", "warrant", "C-1", "k-warrant", Outcome.OK, 201, 2, System.nanoTime());

        assertThat(check(List.of(), List.of()))
                .extracting(HistoryChecker.Anomaly::rule)
                .containsExactly("a retry with the same Idempotency-Key gives the first answer");
    }

    @Test
    void aGapOrARepeatInACasesVersionsIsFound() {
        soundRun();
        sequences.put("C-1", List.of(0L, 2L));
        assertThat(check(List.of(), List.of()))
                .extracting(HistoryChecker.Anomaly::finding)
                .containsExactly("C-1 has a gap: [0, 2]");
    }

    @Test
    void aReadThatGoesBackIsFound() {
        soundRun();
        history.read("p1", "C-1", 0, System.nanoTime());

        assertThat(check(List.of(), List.of())).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.rule()).isEqualTo("a client's reads never go back");
            assertThat(anomaly.finding()).startsWith("showed version 0 after version 1");
        });
    }

    @Test
    void aReadThatSaysItIsStaleBindsNothing() {
        soundRun();
        history.read("p1", "C-1", 0, true, System.nanoTime());

        assertThat(check(List.of(), List.of())).isEmpty();
    }

    @Test
    void aProjectionRowChangedAndAChainThatDoesNotVerifyAreFound() {
        soundRun();
        assertThat(check(List.of("case_view"), List.of("the audit chain of C-1 does not verify")))
                .extracting(HistoryChecker.Anomaly::rule)
                .containsExactly("every read model equals a fresh replay", "every audit chain and the ledger verify");
    }
}

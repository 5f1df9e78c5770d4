package io.holdfast.query.ledger;

import static io.holdfast.query.CaseEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.ledger.LedgerKey;
import io.holdfast.query.ReadModelDatabase;
import io.holdfast.query.audit.Audited;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The writer appends leaves and signs checkpoints while a verification reads the ledger: the
 * verification covers the ledger as it stood when it began, so what is appended meanwhile is never
 * reported as a difference.
 */
class LedgerVerificationWhileItGrowsTest {

    private static final LedgerKey KEY = LedgerKey.generate("holdfast");

    private final JdbcTemplate database = ReadModelDatabase.fresh();
    private final LedgerStore ledger = new LedgerStore(database);
    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();

    @Test
    void leavesAppendedWhileTheVerificationReadsAreLeftForTheNextOne() {
        storeAndAudit(6);
        appendLeaves(4);
        AtomicBoolean appendedMeanwhile = new AtomicBoolean();
        LedgerVerifier verifier = verifierWhoseFirstReadOfLeaves(() -> {
            appendLeaves(2);
            appendedMeanwhile.set(true);
        });

        LedgerAnswers.Verification meanwhile = verifier.verify();

        assertThat(appendedMeanwhile).isTrue();
        assertThat(ledger.size()).isEqualTo(6);
        assertThat(meanwhile.firstDifference()).isNull();
        assertThat(meanwhile.valid()).isTrue();
        assertThat(meanwhile.treeSize()).isEqualTo(4);
        LedgerAnswers.Verification after = new LedgerVerifier(database, ledger, eventStore, KEY).verify();
        assertThat(after.valid()).isTrue();
        assertThat(after.treeSize()).isEqualTo(6);
    }

    @Test
    void aCheckpointSignedAsTheVerificationBeginsIsNotTakenForLostLeaves() {
        storeAndAudit(6);
        appendLeaves(4);
        LedgerWriter.Signed[] signed = new LedgerWriter.Signed[1];
        LedgerStore signingMeanwhile = new LedgerStore(database) {
            @Override
            java.util.Optional<StoredCheckpoint> latestCheckpoint() {
                if (signed[0] == null) {
                    appendLeaves(2);
                    signed[0] = writer().checkpoint();
                }
                return super.latestCheckpoint();
            }
        };

        LedgerAnswers.Verification verification =
                new LedgerVerifier(database, signingMeanwhile, eventStore, KEY).verify();

        assertThat(signed[0].checkpoint().treeSize()).isEqualTo(6);
        assertThat(verification.firstDifference()).isNull();
        assertThat(verification.valid()).isTrue();
    }

    @Test
    void anAuditedEntryMissingBelowTheLastLeafIsStillFound() {
        storeAndAudit(6);
        List<LedgerStore.Settled> audited = ledger.auditedAfter(-1, Long.MAX_VALUE, 6);
        ledger.append(0, audited.subList(0, 4));
        ledger.append(4, audited.subList(5, 6));

        LedgerAnswers.Verification verification = new LedgerVerifier(database, ledger, eventStore, KEY).verify();

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstDifference())
                .isEqualTo("the audit trail holds 6 entries up to the ledger's last leaf, the ledger 5:"
                        + " an entry was audited out of order and is not in the ledger");
    }

    private void storeAndAudit(int events) {
        CaseId other = CaseId.of("CASE-2");
        List<TrackedEventMessage<CaseEvent>> tracked = new ArrayList<>(List.of(
                tracked(flagged(CASE, ACCOUNT, AgencyCode.of("FBI")), 0L, T0, 1),
                tracked(flagged(other, ACCOUNT, null), 0L, T0, 2),
                tracked(warrant(CASE, "W-1", AgencyCode.of("HSI"), T0.plusSeconds(86_400)), 1L, T0, 3),
                tracked(requested(CASE), 2L, T0, 4),
                tracked(warrant(other, "W-2", AgencyCode.of("FBI"), T0.plusSeconds(86_400)), 1L, T0, 5),
                tracked(frozen(CASE), 3L, T0, 6)));
        List<TrackedEventMessage<CaseEvent>> stored = tracked.subList(0, events);
        eventStore.publish(stored.stream()
                .map(message -> (org.axonframework.eventhandling.EventMessage<?>) message)
                .toList());
        Audited.write(database, stored);
    }

    private void appendLeaves(int count) {
        long size = ledger.size();
        ledger.append(size, ledger.auditedAfter(lastGlobalIndex(), Long.MAX_VALUE, count));
    }

    private long lastGlobalIndex() {
        Long last = database.queryForObject("select max(global_index) from ledger_leaf", Long.class);
        return last == null ? -1 : last;
    }

    private LedgerWriter writer() {
        return new LedgerWriter(
                ledger,
                null,
                new org.springframework.transaction.support.TransactionTemplate(
                        new org.springframework.jdbc.datasource.DataSourceTransactionManager(database.getDataSource())),
                KEY,
                new LedgerSettings(null, "holdfast", null, null, null, null, null, false),
                java.time.Clock.systemUTC());
    }

    /** A verifier whose database runs {@code meanwhile} just before the verification first reads leaves. */
    private LedgerVerifier verifierWhoseFirstReadOfLeaves(Runnable meanwhile) {
        AtomicBoolean ran = new AtomicBoolean();
        JdbcTemplate racing = new JdbcTemplate(database.getDataSource()) {
            @Override
            public <T> List<T> query(String sql, RowMapper<T> rows, Object... arguments) throws DataAccessException {
                if (sql.contains("from ledger_leaf l") && ran.compareAndSet(false, true)) {
                    meanwhile.run();
                }
                return super.query(sql, rows, arguments);
            }
        };
        return new LedgerVerifier(racing, ledger, eventStore, KEY);
    }
}

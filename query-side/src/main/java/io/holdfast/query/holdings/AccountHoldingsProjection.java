package io.holdfast.query.holdings;

import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.freezecase.AccountFlagged;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.kernel.freezecase.CaseLifecycle;
import io.holdfast.query.performance.BatchedWrites;
import io.holdfast.query.performance.CaseEventBatch;
import io.holdfast.query.performance.CaseEventBatch.Applied;
import io.holdfast.query.performance.InClause;
import io.holdfast.query.performance.ReadModelWrites;
import io.holdfast.query.readmodel.CaseParties;
import io.holdfast.query.readmodel.ReadModelJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps, per case, the account and what is frozen on it, so the holdings of an account can be
 * summed across its cases. Agencies party to each case are kept for liaisons' reads. The events of
 * a processor batch are applied in memory, each case's row read and written once per batch
 * ({@link BatchedWrites}). Guarded by the case version: an event seen twice changes nothing.
 */
@Component
@ProcessingGroup(AccountHoldingsProjection.PROCESSING_GROUP)
class AccountHoldingsProjection {

    static final String PROCESSING_GROUP = "account-holdings";

    private final JdbcTemplate jdbc;
    private final BatchedWrites<HoldingChanges> writes;

    AccountHoldingsProjection(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites<>(PROCESSING_GROUP, HoldingChanges::new, writes);
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber Long sequence, EventMessage<?> message) {
        writes.add(message, changes -> changes.add(event, sequence, message.getTimestamp()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from account_holding");
        writes.forgetFailures();
    }

    /** One case's row while a batch is applied to it. */
    private static final class Holding {
        private final String caseId;
        private final boolean stored;
        private String accountId;
        private Holdings frozen;
        private String agencies;
        private long version;
        private boolean changed;

        private Holding(String caseId, boolean stored, Holdings frozen, String agencies, long version) {
            this.caseId = caseId;
            this.stored = stored;
            this.frozen = frozen;
            this.agencies = agencies;
            this.version = version;
        }

        static Holding flagged(AccountFlagged flagged, long sequence) {
            String agencies = flagged.reason().agency() == null
                    ? ","
                    : "," + flagged.reason().agency().value() + ",";
            Holding holding = new Holding(flagged.caseId().value(), false, Holdings.empty(), agencies, sequence);
            holding.accountId = flagged.accountId().value();
            holding.changed = true;
            return holding;
        }

        void apply(CaseEvent event, long sequence) {
            if (sequence <= version) {
                return;
            }
            version = sequence;
            changed = true;
            frozen = CaseLifecycle.frozenAfter(frozen, event);
            AgencyCode party = CaseParties.agencyNamedBy(event);
            if (party != null && !agencies.contains("," + party.value() + ",")) {
                agencies = agencies + party.value() + ",";
            }
        }
    }

    /** A batch's events, applied to their cases' stored rows when the batch is written. */
    private final class HoldingChanges extends CaseEventBatch {

        @Override
        public void write() {
            Map<String, Holding> holdings = new HashMap<>();
            for (List<String> some : InClause.chunks(cases())) {
                jdbc.query(
                        "select case_id, frozen, agencies, version from account_holding where case_id in "
                                + InClause.of(some),
                        (RowCallbackHandler) row -> holdings.put(
                                row.getString(1),
                                new Holding(
                                        row.getString(1),
                                        true,
                                        ReadModelJson.read(row.getString(2), Holdings.class),
                                        row.getString(3),
                                        row.getLong(4))),
                        some.toArray());
            }
            for (Applied applied : events()) {
                String caseId = applied.caseId();
                Holding holding = holdings.get(caseId);
                if (applied.event() instanceof AccountFlagged flagged) {
                    holdings.putIfAbsent(caseId, Holding.flagged(flagged, applied.sequence()));
                } else if (holding != null) {
                    holding.apply(applied.event(), applied.sequence());
                }
            }
            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            for (Holding holding : holdings.values()) {
                if (holding.changed && holding.stored) {
                    updates.add(new Object[] {
                        ReadModelJson.write(holding.frozen), holding.agencies, holding.version, holding.caseId
                    });
                } else if (holding.changed) {
                    inserts.add(new Object[] {
                        holding.caseId,
                        holding.accountId,
                        ReadModelJson.write(holding.frozen),
                        holding.agencies,
                        holding.version
                    });
                }
            }
            if (!inserts.isEmpty()) {
                jdbc.batchUpdate(
                        "insert into account_holding (case_id, account_id, frozen, agencies, version) values (?, ?, ?, ?, ?)",
                        inserts);
            }
            if (!updates.isEmpty()) {
                jdbc.batchUpdate(
                        "update account_holding set frozen = ?, agencies = ?, version = ? where case_id = ?", updates);
            }
        }
    }
}

package io.holdfast.query.casesummary;

import io.holdfast.kernel.CaseStatus;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.freezecase.AccountFlagged;
import io.holdfast.kernel.freezecase.AssetsFrozen;
import io.holdfast.kernel.freezecase.AssetsReleased;
import io.holdfast.kernel.freezecase.AssetsTurnedOver;
import io.holdfast.kernel.freezecase.CaseDismissed;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.kernel.freezecase.WarrantReceived;
import io.holdfast.query.readmodel.AttentionTracking;
import io.holdfast.query.readmodel.ReadModelJson;
import io.holdfast.query.readmodel.ReadTimes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import io.holdfast.query.readmodel.CaseParties;
import io.holdfast.query.readmodel.ReadModelWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps one line per case for listing and filtering: status, account, reason, agencies party to
 * it, what is frozen. Every change is guarded by the case version, so an event seen twice changes
 * nothing.
 */
@Component
@ProcessingGroup(CaseSummaryProjection.PROCESSING_GROUP)
class CaseSummaryProjection {

    static final String PROCESSING_GROUP = "case-summaries";

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;

    private final CaseParties parties;

    CaseSummaryProjection(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.parties = new CaseParties(jdbc, "case_summary_agency");
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        writes.apply(() -> project(event, sequence, at));
    }

    private void project(CaseEvent event, long sequence, Instant at) {
        String caseId = event.caseId().value();
        if (event instanceof AccountFlagged flagged) {
            jdbc.update("""
                            insert into case_summary (case_id, account_id, status, reason_type, frozen, version, flagged_at,
                                                      last_changed_at, tracking, attention)
                            select ?, ?, ?, ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from case_summary where case_id = ?)""",
                    caseId, flagged.accountId().value(), CaseStatus.FLAGGED.name(), flagged.reason().type().name(),
                    ReadModelJson.write(Holdings.empty()), sequence, ReadTimes.toColumn(at), ReadTimes.toColumn(at),
                    ReadModelJson.write(AttentionTracking.none()), "[]", caseId);
            parties.recordFrom(event);
            return;
        }
        if (!advance(caseId, sequence, at)) {
            return;
        }
        if (event instanceof WarrantReceived) {
            parties.recordFrom(event);
            jdbc.update("update case_summary set status = ? where case_id = ? and status = ?",
                    CaseStatus.WARRANT_RECEIVED.name(), caseId, CaseStatus.FLAGGED.name());
        } else if (event instanceof AssetsFrozen frozen) {
            setFrozen(caseId, frozen.frozenAfter(), CaseStatus.FROZEN);
        } else if (event instanceof AssetsReleased released) {
            setFrozen(caseId, released.stillFrozen(),
                    released.stillFrozen().isEmpty() ? CaseStatus.RELEASED : CaseStatus.FROZEN);
        } else if (event instanceof AssetsTurnedOver turnedOver) {
            setFrozen(caseId, turnedOver.stillFrozen(),
                    turnedOver.stillFrozen().isEmpty() ? CaseStatus.TURNED_OVER : CaseStatus.FROZEN);
        } else if (event instanceof CaseDismissed) {
            jdbc.update("update case_summary set status = ? where case_id = ?", CaseStatus.DISMISSED.name(), caseId);
        }
        if (AttentionTracking.concerns(event) || event instanceof AssetsReleased || event instanceof AssetsTurnedOver) {
            updateAttention(caseId, event);
        }
    }

    private void updateAttention(String caseId, CaseEvent event) {
        jdbc.query("select frozen, tracking from case_summary where case_id = ?", row -> {
            Holdings frozen = ReadModelJson.read(row.getString(1), Holdings.class);
            AttentionTracking tracking = ReadModelJson.read(row.getString(2), AttentionTracking.class).after(event);
            jdbc.update("update case_summary set tracking = ?, attention = ? where case_id = ?",
                    ReadModelJson.write(tracking), ReadModelJson.write(tracking.attention(!frozen.isEmpty())), caseId);
        }, caseId);
    }

    /** Moves the line to this event's version; false when the event was already applied. */
    private boolean advance(String caseId, long sequence, Instant at) {
        return jdbc.update("update case_summary set version = ?, last_changed_at = ? where case_id = ? and version < ?",
                sequence, ReadTimes.toColumn(at), caseId, sequence) == 1;
    }

    private void setFrozen(String caseId, Holdings frozen, CaseStatus status) {
        jdbc.update("update case_summary set frozen = ?, status = ? where case_id = ?",
                ReadModelJson.write(frozen), status.name(), caseId);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from case_summary_agency");
        jdbc.update("delete from case_summary");
    }
}

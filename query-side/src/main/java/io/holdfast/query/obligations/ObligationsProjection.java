package io.holdfast.query.obligations;

import io.holdfast.kernel.caseview.ObligationStatus;
import io.holdfast.kernel.freezecase.AccountFlagged;
import io.holdfast.kernel.freezecase.AssetsFrozen;
import io.holdfast.kernel.freezecase.AssetsReleased;
import io.holdfast.kernel.freezecase.AssetsTurnedOver;
import io.holdfast.kernel.freezecase.BlockingReportDue;
import io.holdfast.kernel.freezecase.BlockingReportFiled;
import io.holdfast.kernel.freezecase.BlockingReportOverdue;
import io.holdfast.kernel.freezecase.CaseDismissed;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.kernel.freezecase.CaseEventReader;
import io.holdfast.kernel.freezecase.FreezeRequestRejected;
import io.holdfast.kernel.freezecase.FreezeRequested;
import io.holdfast.kernel.freezecase.NoteAdded;
import io.holdfast.kernel.freezecase.SanctionsMatchRecorded;
import io.holdfast.kernel.freezecase.WarrantExpired;
import io.holdfast.kernel.freezecase.WarrantExpiryApproaching;
import io.holdfast.kernel.freezecase.WarrantExtended;
import io.holdfast.kernel.freezecase.WarrantReceived;
import io.holdfast.query.performance.BatchedWrites;
import io.holdfast.query.performance.GatheredStatements;
import io.holdfast.query.performance.ReadModelWrites;
import io.holdfast.query.readmodel.CaseParties;
import io.holdfast.query.readmodel.ReadTimes;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps every blocking-report obligation with its due time and status, and the agencies party to
 * each case for liaisons' reads. Rows are keyed by case and obligation; status only moves forward
 * (OPEN to OVERDUE or FILED, OVERDUE to FILED), so an event seen twice changes nothing.
 */
@Component
@ProcessingGroup(ObligationsProjection.PROCESSING_GROUP)
class ObligationsProjection {

    static final String PROCESSING_GROUP = "obligations";

    private final JdbcTemplate jdbc;
    private final BatchedWrites<GatheredStatements> writes;

    ObligationsProjection(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        CaseParties parties = new CaseParties(jdbc, "obligation_case_party");
        this.writes = new BatchedWrites<>(
                PROCESSING_GROUP, () -> new GatheredStatements(jdbc, parties, List.of(OPEN, OVERDUE, FILED)), writes);
    }

    @EventHandler
    void on(CaseEvent event, EventMessage<?> message) {
        writes.add(message, statements -> project(event, statements));
    }

    // an obligation only moves forward (OPEN, OVERDUE, FILED) and each statement is guarded by the
    // status it moves from, so a batch's statements run grouped by kind end where event by event would
    private static void project(CaseEvent event, GatheredStatements statements) {
        statements.add(event);
        CaseEventReader.read(event, new Statements(event.caseId().value(), statements));
    }

    private static final String OPEN = """
            insert into blocking_obligation (case_id, obligation_id, warrant_id, frozen_at, due_at, status)
            select ?, ?, ?, ?, ?, ? where not exists
                   (select 1 from blocking_obligation where case_id = ? and obligation_id = ?)""";
    private static final String OVERDUE =
            "update blocking_obligation set status = ? where case_id = ? and obligation_id = ? and status = ?";
    private static final String FILED = """
            update blocking_obligation set status = ?, report_reference = ?, filed_at = ?
             where case_id = ? and obligation_id = ? and status <> ?""";

    /** The statements each kind of event asks of the obligations' table. */
    private record Statements(String caseId, GatheredStatements statements) implements CaseEventReader {

        @Override
        public void blockingReportDue(BlockingReportDue due) {
            statements.add(
                    OPEN,
                    caseId,
                    due.obligationId().value(),
                    due.warrantId().value(),
                    ReadTimes.toColumn(due.frozenAt()),
                    ReadTimes.toColumn(due.dueAt()),
                    ObligationStatus.OPEN.name(),
                    caseId,
                    due.obligationId().value());
        }

        @Override
        public void blockingReportOverdue(BlockingReportOverdue overdue) {
            statements.add(
                    OVERDUE,
                    ObligationStatus.OVERDUE.name(),
                    caseId,
                    overdue.obligationId().value(),
                    ObligationStatus.OPEN.name());
        }

        @Override
        public void blockingReportFiled(BlockingReportFiled filed) {
            statements.add(
                    FILED,
                    ObligationStatus.FILED.name(),
                    filed.reportReference(),
                    ReadTimes.toColumn(filed.filedAt()),
                    caseId,
                    filed.obligationId().value(),
                    ObligationStatus.FILED.name());
        }

        // an obligation is opened, made overdue and filed by its own events alone
        @Override
        public void accountFlagged(AccountFlagged event) {}

        @Override
        public void warrantReceived(WarrantReceived event) {}

        @Override
        public void freezeRequested(FreezeRequested event) {}

        @Override
        public void assetsFrozen(AssetsFrozen event) {}

        @Override
        public void freezeRequestRejected(FreezeRequestRejected event) {}

        @Override
        public void assetsReleased(AssetsReleased event) {}

        @Override
        public void assetsTurnedOver(AssetsTurnedOver event) {}

        @Override
        public void caseDismissed(CaseDismissed event) {}

        @Override
        public void noteAdded(NoteAdded event) {}

        @Override
        public void warrantExtended(WarrantExtended event) {}

        @Override
        public void warrantExpiryApproaching(WarrantExpiryApproaching event) {}

        @Override
        public void warrantExpired(WarrantExpired event) {}

        @Override
        public void sanctionsMatchRecorded(SanctionsMatchRecorded event) {}
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from blocking_obligation");
        jdbc.update("delete from obligation_case_party");
        writes.forgetFailures();
    }
}

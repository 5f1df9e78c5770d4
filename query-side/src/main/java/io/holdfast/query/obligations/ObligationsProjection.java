package io.holdfast.query.obligations;

import io.holdfast.kernel.caseview.ObligationStatus;
import io.holdfast.kernel.freezecase.BlockingReportDue;
import io.holdfast.kernel.freezecase.BlockingReportFiled;
import io.holdfast.kernel.freezecase.BlockingReportOverdue;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.query.readmodel.CaseParties;
import io.holdfast.query.readmodel.BatchedWrites;
import io.holdfast.query.readmodel.GatheredStatements;
import io.holdfast.query.readmodel.ReadModelWrites;
import io.holdfast.query.readmodel.ReadTimes;
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
        this.writes = new BatchedWrites<>(PROCESSING_GROUP, () -> new GatheredStatements(jdbc, parties), writes);
    }

    @EventHandler
    void on(CaseEvent event, EventMessage<?> message) {
        writes.add(message, statements -> project(event, statements));
    }

    // an obligation only moves forward (OPEN, OVERDUE, FILED) and each statement is guarded by the
    // status it moves from, so a batch's statements run grouped by kind end where event by event would
    private static void project(CaseEvent event, GatheredStatements statements) {
        String caseId = event.caseId().value();
        statements.add(event);
        if (event instanceof BlockingReportDue due) {
            statements.add("""
                            insert into blocking_obligation (case_id, obligation_id, warrant_id, frozen_at, due_at, status)
                            select ?, ?, ?, ?, ?, ? where not exists
                                   (select 1 from blocking_obligation where case_id = ? and obligation_id = ?)""",
                    caseId, due.obligationId().value(), due.warrantId().value(), ReadTimes.toColumn(due.frozenAt()),
                    ReadTimes.toColumn(due.dueAt()), ObligationStatus.OPEN.name(), caseId, due.obligationId().value());
        } else if (event instanceof BlockingReportOverdue overdue) {
            statements.add("update blocking_obligation set status = ? where case_id = ? and obligation_id = ? and status = ?",
                    ObligationStatus.OVERDUE.name(), caseId, overdue.obligationId().value(), ObligationStatus.OPEN.name());
        } else if (event instanceof BlockingReportFiled filed) {
            statements.add("""
                            update blocking_obligation set status = ?, report_reference = ?, filed_at = ?
                             where case_id = ? and obligation_id = ? and status <> ?""",
                    ObligationStatus.FILED.name(), filed.reportReference(), ReadTimes.toColumn(filed.filedAt()), caseId,
                    filed.obligationId().value(), ObligationStatus.FILED.name());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from blocking_obligation");
        jdbc.update("delete from obligation_case_party");
        writes.forgetFailures();
    }
}

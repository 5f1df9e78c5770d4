package io.holdfast.query.obligations;

import io.holdfast.kernel.caseview.ObligationStatus;
import io.holdfast.kernel.freezecase.BlockingReportDue;
import io.holdfast.kernel.freezecase.BlockingReportFiled;
import io.holdfast.kernel.freezecase.BlockingReportOverdue;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.query.readmodel.CaseParties;
import io.holdfast.query.readmodel.ReadModelWrites;
import io.holdfast.query.readmodel.ReadTimes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
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
    private final ReadModelWrites writes;

    private final CaseParties parties;

    ObligationsProjection(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.parties = new CaseParties(jdbc, "obligation_case_party");
    }

    @EventHandler
    void on(CaseEvent event) {
        writes.apply(() -> project(event));
    }

    private void project(CaseEvent event) {
        String caseId = event.caseId().value();
        parties.recordFrom(event);
        if (event instanceof BlockingReportDue due) {
            jdbc.update("""
                            insert into blocking_obligation (case_id, obligation_id, warrant_id, frozen_at, due_at, status)
                            select ?, ?, ?, ?, ?, ? where not exists
                                   (select 1 from blocking_obligation where case_id = ? and obligation_id = ?)""",
                    caseId, due.obligationId().value(), due.warrantId().value(), ReadTimes.toColumn(due.frozenAt()),
                    ReadTimes.toColumn(due.dueAt()), ObligationStatus.OPEN.name(), caseId, due.obligationId().value());
        } else if (event instanceof BlockingReportOverdue overdue) {
            jdbc.update("update blocking_obligation set status = ? where case_id = ? and obligation_id = ? and status = ?",
                    ObligationStatus.OVERDUE.name(), caseId, overdue.obligationId().value(), ObligationStatus.OPEN.name());
        } else if (event instanceof BlockingReportFiled filed) {
            jdbc.update("""
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
    }
}

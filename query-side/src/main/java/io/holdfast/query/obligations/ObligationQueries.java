package io.holdfast.query.obligations;

import io.holdfast.kernel.caseview.ListObligations;
import io.holdfast.kernel.caseview.Obligation;
import io.holdfast.kernel.caseview.ObligationPage;
import io.holdfast.kernel.caseview.ObligationStatus;
import io.holdfast.query.readmodel.ReadTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Pages through blocking-report obligations, soonest due first. */
@Component
class ObligationQueries {

    private final JdbcTemplate jdbc;

    ObligationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    ObligationPage handle(ListObligations query) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (query.status() != null) {
            where.append(" and o.status = ?");
            arguments.add(query.status().name());
        }
        if (query.dueBefore() != null) {
            where.append(" and o.due_at < ?");
            arguments.add(ReadTimes.toColumn(query.dueBefore()));
        }
        if (query.visibleTo() != null) {
            where.append(
                    " and exists (select 1 from obligation_case_party p where p.case_id = o.case_id and p.agency = ?)");
            arguments.add(query.visibleTo().value());
        }
        Long total = jdbc.queryForObject(
                "select count(*) from blocking_obligation o" + where, Long.class, arguments.toArray());
        List<Object> pageArguments = new ArrayList<>(arguments);
        pageArguments.add(query.size());
        pageArguments.add((long) query.page() * query.size());
        List<Obligation> items = jdbc.query(
                "select o.* from blocking_obligation o" + where
                        + " order by o.due_at, o.case_id, o.obligation_id limit ? offset ?",
                (row, i) -> {
                    Instant dueAt = ReadTimes.fromColumn(row, "due_at");
                    Instant filedAt = ReadTimes.fromColumn(row, "filed_at");
                    return new Obligation(
                            row.getString("case_id"),
                            row.getString("obligation_id"),
                            row.getString("warrant_id"),
                            ReadTimes.fromColumn(row, "frozen_at"),
                            dueAt,
                            ObligationStatus.valueOf(row.getString("status")),
                            row.getString("report_reference"),
                            filedAt,
                            filedAt != null && !filedAt.isBefore(dueAt));
                },
                pageArguments.toArray());
        return new ObligationPage(items, query.page(), query.size(), total == null ? 0 : total);
    }
}

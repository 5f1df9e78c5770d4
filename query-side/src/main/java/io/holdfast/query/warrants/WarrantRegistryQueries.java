package io.holdfast.query.warrants;

import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.OrderType;
import io.holdfast.kernel.WarrantId;
import io.holdfast.kernel.caseview.ListWarrants;
import io.holdfast.kernel.caseview.RegisteredWarrant;
import io.holdfast.kernel.caseview.WarrantPage;
import io.holdfast.query.readmodel.ReadTimes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Pages through the warrant registry, soonest expiry first. */
@Component
class WarrantRegistryQueries {

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();

    WarrantRegistryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    WarrantPage handle(ListWarrants query) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (query.expiringBefore() != null) {
            where.append(" and w.expires_at < ?");
            arguments.add(ReadTimes.toColumn(query.expiringBefore()));
        }
        if (query.agency() != null) {
            where.append(" and w.requesting_agency = ?");
            arguments.add(query.agency().value());
        }
        if (query.visibleTo() != null) {
            where.append(
                    " and exists (select 1 from warrant_case_party p where p.case_id = w.case_id and p.agency = ?)");
            arguments.add(query.visibleTo().value());
        }
        Long total = jdbc.queryForObject(
                "select count(*) from registered_warrant w" + where, Long.class, arguments.toArray());
        List<Object> pageArguments = new ArrayList<>(arguments);
        pageArguments.add(query.size());
        pageArguments.add((long) query.page() * query.size());
        Instant now = clock.instant();
        List<RegisteredWarrant> items = jdbc.query(
                "select w.* from registered_warrant w" + where
                        + " order by w.expires_at, w.case_id, w.warrant_id limit ? offset ?",
                (row, i) -> {
                    Instant expiresAt = ReadTimes.fromColumn(row, "expires_at");
                    return new RegisteredWarrant(
                            CaseId.of(row.getString("case_id")),
                            WarrantId.of(row.getString("warrant_id")),
                            OrderType.valueOf(row.getString("order_type")),
                            row.getString("issuing_authority"),
                            AgencyCode.of(row.getString("requesting_agency")),
                            row.getString("jurisdiction"),
                            row.getString("reference_number"),
                            ReadTimes.fromColumn(row, "issued_at"),
                            expiresAt,
                            !now.isBefore(expiresAt));
                },
                pageArguments.toArray());
        return new WarrantPage(items, query.page(), query.size(), total == null ? 0 : total);
    }
}

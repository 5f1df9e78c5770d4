package io.holdfast.query.casesummary;

import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.CaseStatus;
import io.holdfast.kernel.FlagReasonType;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.caseview.CasePage;
import io.holdfast.kernel.caseview.CaseSummary;
import io.holdfast.kernel.caseview.ListCases;
import io.holdfast.query.readmodel.ReadModelJson;
import io.holdfast.query.readmodel.ReadTimes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Pages through the case list, newest flag first, with the filters of docs/API.md. */
@Component
class CaseListQueries {

    private final JdbcTemplate jdbc;

    CaseListQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    CasePage handle(ListCases query) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (query.status() != null) {
            where.append(" and s.status = ?");
            arguments.add(query.status().name());
        }
        if (query.accountId() != null) {
            where.append(" and s.account_id = ?");
            arguments.add(query.accountId().value());
        }
        if (query.flaggedFrom() != null) {
            where.append(" and s.flagged_at >= ?");
            arguments.add(ReadTimes.toColumn(query.flaggedFrom()));
        }
        if (query.flaggedTo() != null) {
            where.append(" and s.flagged_at < ?");
            arguments.add(ReadTimes.toColumn(query.flaggedTo()));
        }
        if (query.attention() != null) {
            where.append(" and s.case_id in (select n.case_id from case_summary_attention n where n.need = ?)");
            arguments.add(query.attention().name());
        }
        for (AgencyCode agency : new AgencyCode[] {query.agency(), query.visibleTo()}) {
            if (agency != null) {
                where.append(
                        " and exists (select 1 from case_summary_agency a where a.case_id = s.case_id and a.agency = ?)");
                arguments.add(agency.value());
            }
        }
        boolean byStatusAtMost = query.accountId() == null
                && query.flaggedFrom() == null
                && query.flaggedTo() == null
                && query.attention() == null
                && query.agency() == null
                && query.visibleTo() == null;
        // the list's total unfiltered or by status is kept by the projection; counting would read every case
        Long total = byStatusAtMost
                ? jdbc.queryForObject(
                        "select coalesce(sum(cases), 0) from case_summary_count"
                                + (query.status() == null ? "" : " where status = ?"),
                        Long.class,
                        query.status() == null
                                ? new Object[0]
                                : new Object[] {query.status().name()})
                : jdbc.queryForObject("select count(*) from case_summary s" + where, Long.class, arguments.toArray());
        long count = total == null ? 0 : total;
        long offset = (long) query.page() * query.size();
        // a page in the list's second half is read from its end, so the last pages cost what the first ones do
        // instead of skipping every case before them
        boolean fromTheEnd = offset < count && offset * 2 >= count;
        long limit = fromTheEnd ? Math.min(query.size(), count - offset) : query.size();
        List<Object> pageArguments = new ArrayList<>(arguments);
        pageArguments.add(limit);
        pageArguments.add(fromTheEnd ? count - offset - limit : offset);
        List<CaseSummary> items = jdbc.query(
                """
                        select s.case_id, s.account_id, s.status, s.reason_type, s.frozen, s.version, s.flagged_at,
                               s.last_changed_at, s.attention
                          from case_summary s""" + where
                        + (fromTheEnd
                                ? " order by s.flagged_at asc, s.case_id desc limit ? offset ?"
                                : " order by s.flagged_at desc, s.case_id limit ? offset ?"),
                (row, i) -> new CaseSummary(
                        CaseId.of(row.getString("case_id")),
                        AccountId.of(row.getString("account_id")),
                        CaseStatus.valueOf(row.getString("status")),
                        FlagReasonType.valueOf(row.getString("reason_type")),
                        List.of(),
                        ReadModelJson.read(row.getString("frozen"), Holdings.class),
                        row.getLong("version"),
                        ReadTimes.fromColumn(row, "flagged_at"),
                        ReadTimes.fromColumn(row, "last_changed_at"),
                        ReadModelJson.read(
                                row.getString("attention"),
                                new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {})),
                pageArguments.toArray());
        if (fromTheEnd) {
            items = new ArrayList<>(items);
            java.util.Collections.reverse(items);
        }
        return new CasePage(withAgencies(items), query.page(), query.size(), count);
    }

    private List<CaseSummary> withAgencies(List<CaseSummary> items) {
        if (items.isEmpty()) {
            return items;
        }
        String placeholders = String.join(",", items.stream().map(item -> "?").toList());
        Map<String, List<AgencyCode>> agencies = new HashMap<>();
        jdbc.query(
                "select case_id, agency from case_summary_agency where case_id in (" + placeholders
                        + ") order by agency",
                row -> {
                    agencies.computeIfAbsent(row.getString(1), id -> new ArrayList<>())
                            .add(AgencyCode.of(row.getString(2)));
                },
                items.stream().map(item -> item.caseId().value()).toArray());
        return items.stream()
                .map(item -> new CaseSummary(
                        item.caseId(),
                        item.accountId(),
                        item.status(),
                        item.reasonType(),
                        agencies.getOrDefault(item.caseId().value(), List.of()),
                        item.frozen(),
                        item.version(),
                        item.flaggedAt(),
                        item.lastChangedAt(),
                        item.attention()))
                .toList();
    }
}

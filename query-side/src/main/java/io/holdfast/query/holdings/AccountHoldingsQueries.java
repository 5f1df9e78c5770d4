package io.holdfast.query.holdings;

import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.caseview.AccountHoldings;
import io.holdfast.kernel.caseview.FindAccountHoldings;
import io.holdfast.query.readmodel.ReadModelJson;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What is frozen on an account, summed over the cases that hold something frozen on it. */
@Component
class AccountHoldingsQueries {

    private final JdbcTemplate jdbc;

    AccountHoldingsQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    AccountHoldings handle(FindAccountHoldings query) {
        String visibility = query.visibleTo() == null ? "" : " and agencies like ?";
        List<Object> arguments = new ArrayList<>(List.of(query.accountId().value()));
        if (query.visibleTo() != null) {
            arguments.add("%," + query.visibleTo().value() + ",%");
        }
        Holdings total = Holdings.empty();
        List<CaseId> cases = new ArrayList<>();
        for (Object[] row : jdbc.query(
                "select case_id, frozen from account_holding where account_id = ?" + visibility + " order by case_id",
                (row, i) -> new Object[] {row.getString(1), row.getString(2)},
                arguments.toArray())) {
            Holdings frozen = ReadModelJson.read((String) row[1], Holdings.class);
            if (!frozen.isEmpty()) {
                total = total.plus(frozen);
                cases.add(CaseId.of((String) row[0]));
            }
        }
        return new AccountHoldings(query.accountId(), total, cases);
    }
}

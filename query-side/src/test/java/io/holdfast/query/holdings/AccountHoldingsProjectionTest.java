package io.holdfast.query.holdings;

import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.AssetAmount;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.caseview.AccountHoldings;
import io.holdfast.kernel.caseview.FindAccountHoldings;
import io.holdfast.query.ReadModelDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.holdfast.query.CaseEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

class AccountHoldingsProjectionTest {

    private static final AgencyCode FBI = AgencyCode.of("FBI");
    private static final CaseId SECOND = CaseId.of("CASE-2");

    private final JdbcTemplate jdbc = ReadModelDatabase.fresh();
    private final AccountHoldingsProjection projection = new AccountHoldingsProjection(jdbc, io.holdfast.query.readmodel.ReadModelWrites.direct());
    private final AccountHoldingsQueries queries = new AccountHoldingsQueries(jdbc);

    private void frozenCase(CaseId caseId, AgencyCode warrantAgency) {
        projection.on(flagged(caseId, ACCOUNT, null), 0L);
        projection.on(warrant(caseId, "W-1", warrantAgency, T0.plusSeconds(1_000_000)), 1L);
        projection.on(requested(caseId), 2L);
        projection.on(frozen(caseId), 3L);
    }

    @Test
    void holdingsAreSummedAcrossTheAccountsCases() {
        frozenCase(CASE, FBI);
        frozenCase(SECOND, AgencyCode.of("HSI"));

        AccountHoldings holdings = queries.handle(new FindAccountHoldings(ACCOUNT, null));
        assertThat(holdings.frozen()).isEqualTo(Holdings.of(AssetAmount.of("BTC", "99.0"), AssetAmount.of("USDT", "6100000.00")));
        assertThat(holdings.cases()).containsExactly(CASE, SECOND);

        AccountHoldings forFbi = queries.handle(new FindAccountHoldings(ACCOUNT, FBI));
        assertThat(forFbi.frozen()).isEqualTo(FROZEN);
        assertThat(forFbi.cases()).containsExactly(CASE);
    }

    @Test
    void releasedCasesHoldNothing() {
        frozenCase(CASE, FBI);
        projection.on(releasedAll(CASE), 4L);
        AccountHoldings holdings = queries.handle(new FindAccountHoldings(ACCOUNT, null));
        assertThat(holdings.frozen().isEmpty()).isTrue();
        assertThat(holdings.cases()).isEmpty();
    }

    @Test
    void anEventSeenTwiceChangesNothing() {
        frozenCase(CASE, FBI);
        projection.on(releasedAll(CASE), 4L);
        projection.on(frozen(CASE), 3L);
        projection.on(warrant(CASE, "W-1", FBI, T0), 1L);
        assertThat(queries.handle(new FindAccountHoldings(ACCOUNT, null)).cases()).isEmpty();
        assertThat(jdbc.queryForObject("select agencies from account_holding", String.class)).isEqualTo(",FBI,");
    }
}

package io.holdfast.query.holdings;

import static io.holdfast.query.CaseEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.AssetAmount;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.caseview.AccountHoldings;
import io.holdfast.kernel.caseview.FindAccountHoldings;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.query.ProcessorBatch;
import io.holdfast.query.ReadModelDatabase;
import io.holdfast.query.performance.ReadModelWrites;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class AccountHoldingsProjectionTest {

    private static final AgencyCode FBI = AgencyCode.of("FBI");
    private static final CaseId SECOND = CaseId.of("CASE-2");

    private final JdbcTemplate jdbc = ReadModelDatabase.fresh();
    private final AccountHoldingsProjection projection = new AccountHoldingsProjection(jdbc, ReadModelWrites.direct());
    private final AccountHoldingsQueries queries = new AccountHoldingsQueries(jdbc);

    private void frozenCase(CaseId caseId, AgencyCode warrantAgency) {
        on(flagged(caseId, ACCOUNT, null), 0L);
        on(warrant(caseId, "W-1", warrantAgency, T0.plusSeconds(1_000_000)), 1L);
        on(requested(caseId), 2L);
        on(frozen(caseId), 3L);
    }

    @Test
    void holdingsAreSummedAcrossTheAccountsCases() {
        frozenCase(CASE, FBI);
        frozenCase(SECOND, AgencyCode.of("HSI"));

        AccountHoldings holdings = queries.handle(new FindAccountHoldings(ACCOUNT, null));
        assertThat(holdings.frozen())
                .isEqualTo(Holdings.of(AssetAmount.of("BTC", "99.0"), AssetAmount.of("USDT", "6100000.00")));
        assertThat(holdings.cases()).containsExactly(CASE, SECOND);

        AccountHoldings forFbi = queries.handle(new FindAccountHoldings(ACCOUNT, FBI));
        assertThat(forFbi.frozen()).isEqualTo(FROZEN);
        assertThat(forFbi.cases()).containsExactly(CASE);
    }

    @Test
    void releasedCasesHoldNothing() {
        frozenCase(CASE, FBI);
        on(releasedAll(CASE), 4L);
        AccountHoldings holdings = queries.handle(new FindAccountHoldings(ACCOUNT, null));
        assertThat(holdings.frozen().isEmpty()).isTrue();
        assertThat(holdings.cases()).isEmpty();
    }

    @Test
    void anEventSeenTwiceChangesNothing() {
        frozenCase(CASE, FBI);
        on(releasedAll(CASE), 4L);
        on(frozen(CASE), 3L);
        on(warrant(CASE, "W-1", FBI, T0), 1L);
        assertThat(queries.handle(new FindAccountHoldings(ACCOUNT, null)).cases())
                .isEmpty();
        assertThat(jdbc.queryForObject("select agencies from account_holding", String.class))
                .isEqualTo(",FBI,");
    }

    @Test
    void aProcessorBatchEndsWithTheSameRowsAsOneEventAtATime() {
        List<TrackedEventMessage<CaseEvent>> batch = List.of(
                tracked(flagged(CASE, ACCOUNT, null), 0L, T0, 1),
                tracked(flagged(SECOND, ACCOUNT, FBI), 0L, T0, 2),
                tracked(warrant(CASE, "W-1", FBI, T0.plusSeconds(1_000_000)), 1L, T0, 3),
                tracked(warrant(SECOND, "W-2", AgencyCode.of("HSI"), T0.plusSeconds(1_000_000)), 1L, T0, 4),
                tracked(requested(CASE), 2L, T0, 5),
                tracked(frozen(CASE), 3L, T0, 6),
                tracked(requested(SECOND), 2L, T0, 7),
                tracked(frozen(SECOND), 3L, T0, 8),
                tracked(releasedAll(SECOND), 4L, T0, 9));
        JdbcTemplate oneByOneDatabase = ReadModelDatabase.fresh();
        AccountHoldingsProjection oneByOne = new AccountHoldingsProjection(oneByOneDatabase, ReadModelWrites.direct());
        batch.forEach(message -> oneByOne.on((CaseEvent) message.getPayload(), sequenceOf(message), message));

        assertThat(ProcessorBatch.handle(
                                jdbc,
                                batch,
                                message ->
                                        projection.on((CaseEvent) message.getPayload(), sequenceOf(message), message))
                        .isExceptional())
                .isFalse();

        String rows = "select case_id, account_id, frozen, agencies, version from account_holding order by case_id";
        assertThat(jdbc.queryForList(rows))
                .isEqualTo(oneByOneDatabase.queryForList(rows))
                .hasSize(2);
        assertThat(queries.handle(new FindAccountHoldings(ACCOUNT, null)).cases())
                .containsExactly(CASE);
        assertThat(jdbc.queryForObject(
                        "select agencies from account_holding where case_id = ?", String.class, SECOND.value()))
                .isEqualTo(",FBI,HSI,");
    }

    private void on(CaseEvent event, long sequence) {
        projection.on(event, sequence, tracked(event, sequence, T0, 0));
    }

    private static long sequenceOf(EventMessage<?> message) {
        return ((DomainEventMessage<?>) message).getSequenceNumber();
    }
}

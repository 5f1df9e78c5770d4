package io.holdfast.query.casesummary;

import static io.holdfast.query.CaseEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.CaseStatus;
import io.holdfast.kernel.caseview.CasePage;
import io.holdfast.kernel.caseview.CaseSummary;
import io.holdfast.kernel.caseview.ListCases;
import io.holdfast.kernel.freezecase.CaseAttention;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.query.ProcessorBatch;
import io.holdfast.query.ReadModelDatabase;
import io.holdfast.query.performance.ReadModelWrites;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class CaseSummaryProjectionTest {

    private static final AgencyCode FBI = AgencyCode.of("FBI");
    private static final AgencyCode HSI = AgencyCode.of("HSI");
    private static final CaseId SECOND = CaseId.of("CASE-2");
    private static final CaseId THIRD = CaseId.of("CASE-3");

    private final JdbcTemplate jdbc = ReadModelDatabase.fresh();
    private final CaseSummaryProjection projection = new CaseSummaryProjection(jdbc, ReadModelWrites.direct());
    private final CaseListQueries queries = new CaseListQueries(jdbc);

    @BeforeEach
    void threeCases() {
        threeCases(projection);
    }

    private static void threeCases(CaseSummaryProjection projection) {
        on(projection, flagged(CASE, ACCOUNT, null), 0L, T0);
        on(projection, warrant(CASE, "W-1", FBI, T0.plusSeconds(1_000_000)), 1L, T0.plusSeconds(1));
        on(projection, requested(CASE), 2L, T0.plusSeconds(2));
        on(projection, frozen(CASE), 3L, T0.plusSeconds(3));
        on(projection, flagged(SECOND, AccountId.of("ACC-2"), HSI), 0L, T0.plusSeconds(10));
        on(projection, flagged(THIRD, ACCOUNT, null), 0L, T0.plusSeconds(20));
    }

    private CasePage list(ListCases query) {
        return queries.handle(query);
    }

    @Test
    void linesFollowTheCases() {
        CasePage all = list(new ListCases(null, null, null, null, null, 0, 20, null));
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.items()).extracting(CaseSummary::caseId).containsExactly(THIRD, SECOND, CASE);
        CaseSummary first = all.items().get(2);
        assertThat(first.status()).isEqualTo(CaseStatus.FROZEN);
        assertThat(first.frozen()).isEqualTo(FROZEN);
        assertThat(first.version()).isEqualTo(3);
        assertThat(first.agencies()).containsExactly(FBI);
    }

    @Test
    void filtersAndPagesNarrowTheList() {
        assertThat(list(new ListCases(CaseStatus.FROZEN, null, null, null, null, 0, 20, null))
                        .items())
                .extracting(CaseSummary::caseId)
                .containsExactly(CASE);
        assertThat(list(new ListCases(null, HSI, null, null, null, 0, 20, null)).items())
                .extracting(CaseSummary::caseId)
                .containsExactly(SECOND);
        assertThat(list(new ListCases(null, null, ACCOUNT, null, null, 0, 20, null))
                        .items())
                .extracting(CaseSummary::caseId)
                .containsExactly(THIRD, CASE);
        assertThat(list(new ListCases(null, null, null, T0.plusSeconds(5), T0.plusSeconds(15), 0, 20, null))
                        .items())
                .extracting(CaseSummary::caseId)
                .containsExactly(SECOND);
        CasePage secondPage = list(new ListCases(null, null, null, null, null, 1, 2, null));
        assertThat(secondPage.items()).extracting(CaseSummary::caseId).containsExactly(CASE);
        assertThat(secondPage.total()).isEqualTo(3);
    }

    @Test
    void aLiaisonSeesOnlyCasesItsAgencyIsPartyTo() {
        assertThat(list(new ListCases(null, null, null, null, null, 0, 20, FBI)).items())
                .extracting(CaseSummary::caseId)
                .containsExactly(CASE);
        assertThat(list(new ListCases(null, null, null, null, null, 0, 20, HSI)).total())
                .isEqualTo(1);
    }

    @Test
    void aCaseIsListedForWhatItNeedsAttentionForUntilItIsDone() {
        ListCases awaiting =
                new ListCases(null, null, null, null, null, 0, 20, null, CaseAttention.Need.FREEZE_AWAITING_APPROVAL);
        assertThat(list(awaiting).total())
                .as("the first case's request was approved")
                .isZero();

        on(requested(THIRD), 1L, T0.plusSeconds(30));
        assertThat(list(awaiting).items()).extracting(CaseSummary::caseId).containsExactly(THIRD);
        assertThat(list(awaiting).items().get(0).attention()).containsExactly(CaseAttention.FREEZE_AWAITING_APPROVAL);
        assertThat(list(new ListCases(null, null, null, null, null, 0, 20, null, CaseAttention.Need.WARRANT_EXPIRED))
                        .total())
                .isZero();

        on(frozen(THIRD), 2L, T0.plusSeconds(31));
        assertThat(list(awaiting).total()).as("decided, so no longer awaiting").isZero();
        assertThat(jdbc.queryForObject("select count(*) from case_summary_attention", Long.class))
                .as("rows of needs that ended are gone")
                .isZero();
    }

    @Test
    void everyPageHoldsItsSliceOfTheListWhicheverEndItIsReadFrom() {
        for (int i = 4; i <= 9; i++) {
            on(flagged(CaseId.of("CASE-" + i), ACCOUNT, null), 0L, T0.plusSeconds(i < 7 ? 20 : 30 + i));
        }
        List<CaseSummary> all =
                list(new ListCases(null, null, null, null, null, 0, 20, null)).items();
        assertThat(all).hasSize(9);
        for (int size = 1; size <= 4; size++) {
            for (int page = 0; page * size < all.size(); page++) {
                CasePage read = list(new ListCases(null, null, null, null, null, page, size, null));
                assertThat(read.items())
                        .as("page %d of %d-case pages", page, size)
                        .isEqualTo(all.subList(page * size, Math.min(all.size(), (page + 1) * size)));
                assertThat(read.total()).isEqualTo(9);
            }
        }
        assertThat(list(new ListCases(null, null, null, null, null, 5, 2, null)).items())
                .as("past the end")
                .isEmpty();
    }

    @Test
    void everyStatusHasItsCountFromTheStart() {
        assertThat(jdbc.queryForList("select status from case_summary_count", String.class))
                .as("a status without its row would be inserted by two segments at once")
                .containsExactlyInAnyOrder(java.util.Arrays.stream(CaseStatus.values())
                        .map(Enum::name)
                        .toArray(String[]::new));
    }

    @Test
    void theTotalsUnfilteredAndByStatusAreTheCasesThere() {
        on(releasedAll(CASE), 4L, T0.plusSeconds(30));
        on(flagged(CaseId.of("CASE-4"), ACCOUNT, null), 0L, T0.plusSeconds(31));
        on(flagged(CaseId.of("CASE-4"), ACCOUNT, null), 0L, T0.plusSeconds(31));
        assertThat(list(new ListCases(null, null, null, null, null, 0, 1, null)).total())
                .isEqualTo(jdbc.queryForObject("select count(*) from case_summary", Long.class))
                .isEqualTo(4);
        for (CaseStatus status : CaseStatus.values()) {
            assertThat(list(new ListCases(status, null, null, null, null, 0, 1, null))
                            .total())
                    .as("cases %s", status)
                    .isEqualTo(jdbc.queryForObject(
                            "select count(*) from case_summary where status = ?", Long.class, status.name()));
        }
        assertThat(list(new ListCases(CaseStatus.FLAGGED, null, null, null, null, 0, 1, null))
                        .total())
                .isEqualTo(3);
        assertThat(list(new ListCases(CaseStatus.RELEASED, null, null, null, null, 0, 1, null))
                        .total())
                .isEqualTo(1);
    }

    @Test
    void anEventSeenTwiceChangesNothing() {
        CasePage before = list(new ListCases(null, null, null, null, null, 0, 20, null));
        on(flagged(CASE, ACCOUNT, null), 0L, T0.plusSeconds(99));
        on(warrant(CASE, "W-1", FBI, T0.plusSeconds(1_000_000)), 1L, T0.plusSeconds(99));
        on(frozen(CASE), 3L, T0.plusSeconds(99));
        assertThat(list(new ListCases(null, null, null, null, null, 0, 20, null)))
                .isEqualTo(before);
    }

    @Test
    void aFullReleaseReleasesTheLine() {
        on(releasedAll(CASE), 4L, T0.plusSeconds(30));
        assertThat(list(new ListCases(CaseStatus.RELEASED, null, null, null, null, 0, 20, null))
                        .items())
                .extracting(CaseSummary::caseId)
                .containsExactly(CASE);
    }

    @Test
    void aProcessorBatchEndsWithTheSameLinesAsOneEventAtATime() {
        CaseId fourth = CaseId.of("CASE-4");
        List<TrackedEventMessage<CaseEvent>> batch = List.of(
                tracked(flagged(fourth, ACCOUNT, HSI), 0L, T0.plusSeconds(40), 11),
                tracked(warrant(fourth, "W-4", FBI, T0.plusSeconds(1_000_000)), 1L, T0.plusSeconds(41), 12),
                tracked(releasedAll(CASE), 4L, T0.plusSeconds(42), 13),
                tracked(requested(fourth), 2L, T0.plusSeconds(43), 14),
                tracked(frozen(fourth), 3L, T0.plusSeconds(44), 15),
                tracked(frozen(CASE), 3L, T0.plusSeconds(45), 16));
        JdbcTemplate oneByOneDatabase = ReadModelDatabase.fresh();
        CaseSummaryProjection oneByOne = new CaseSummaryProjection(oneByOneDatabase, ReadModelWrites.direct());
        threeCases(oneByOne);
        batch.forEach(message -> on(
                oneByOne,
                (CaseEvent) message.getPayload(),
                ((DomainEventMessage<?>) message).getSequenceNumber(),
                message.getTimestamp()));

        assertThat(ProcessorBatch.handle(
                                jdbc,
                                batch,
                                message -> projection.on(
                                        (CaseEvent) message.getPayload(),
                                        ((DomainEventMessage<?>) message).getSequenceNumber(),
                                        message.getTimestamp(),
                                        message))
                        .isExceptional())
                .isFalse();

        assertThat(jdbc.queryForList("select status, cases from case_summary_count where cases <> 0 order by status"))
                .as("the counts per status")
                .isEqualTo(oneByOneDatabase.queryForList(
                        "select status, cases from case_summary_count where cases <> 0 order by status"));
        CasePage batched = list(new ListCases(null, null, null, null, null, 0, 20, null));
        assertThat(batched)
                .isEqualTo(new CaseListQueries(oneByOneDatabase)
                        .handle(new ListCases(null, null, null, null, null, 0, 20, null)));
        assertThat(batched.items())
                .filteredOn(line -> line.caseId().equals(fourth))
                .singleElement()
                .satisfies(line -> assertThat(line.status()).isEqualTo(CaseStatus.FROZEN))
                .satisfies(line -> assertThat(line.agencies()).containsExactlyInAnyOrder(FBI, HSI));
        assertThat(batched.items())
                .filteredOn(line -> line.caseId().equals(CASE))
                .singleElement()
                .satisfies(line -> assertThat(line.status()).isEqualTo(CaseStatus.RELEASED));
    }

    private void on(CaseEvent event, long sequence, Instant at) {
        on(projection, event, sequence, at);
    }

    private static void on(CaseSummaryProjection projection, CaseEvent event, long sequence, Instant at) {
        projection.on(event, sequence, at, tracked(event, sequence, at, 0));
    }
}

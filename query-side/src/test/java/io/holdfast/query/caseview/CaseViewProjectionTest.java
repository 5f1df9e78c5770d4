package io.holdfast.query.caseview;

import static io.holdfast.query.CaseEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.CaseStatus;
import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.Sha256;
import io.holdfast.kernel.WarrantId;
import io.holdfast.kernel.caseview.CaseView;
import io.holdfast.kernel.freezecase.BlockingReportOverdue;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.kernel.freezecase.WarrantExpired;
import io.holdfast.kernel.freezecase.WarrantExtended;
import io.holdfast.query.ProcessorBatch;
import io.holdfast.query.ReadModelDatabase;
import io.holdfast.query.performance.ReadModelWrites;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class CaseViewProjectionTest {

    private final JdbcTemplate jdbc = ReadModelDatabase.fresh();
    private final CaseViewRepository views = new CaseViewRepository(jdbc);
    private final CaseViewsInMemory inMemory =
            new CaseViewsInMemory(100, Duration.ofSeconds(10), Ticker.systemTicker());
    private final CaseViewProjection projection = new CaseViewProjection(
            views,
            inMemory,
            SimpleQueryUpdateEmitter.builder().build(),
            io.holdfast.query.performance.ReadModelWrites.direct());
    private final Instant expiry = T0.plusSeconds(90 * 86_400);

    private CaseView view() {
        return views.find(CASE).orElseThrow();
    }

    @Test
    void eventsBuildTheCaseView() {
        on(flagged(CASE, ACCOUNT, null), 0L, T0);
        on(warrant(CASE, "W-1", AgencyCode.of("FBI"), expiry), 1L, T0.plusSeconds(60));
        on(requested(CASE), 2L, T0.plusSeconds(120));

        CaseView requested = view();
        assertThat(requested.status()).isEqualTo(CaseStatus.WARRANT_RECEIVED);
        assertThat(requested.version()).isEqualTo(2);
        assertThat(requested.agencies()).containsExactly(AgencyCode.of("FBI"));
        assertThat(requested.pendingFreezeRequests())
                .singleElement()
                .satisfies(pending -> assertThat(pending.requestedBy()).isEqualTo("officer"));

        on(frozen(CASE), 3L, T0.plusSeconds(180));
        on(releasedAll(CASE), 4L, T0.plusSeconds(240));

        CaseView released = view();
        assertThat(released.status()).isEqualTo(CaseStatus.RELEASED);
        assertThat(released.pendingFreezeRequests()).isEmpty();
        assertThat(released.frozen()).isEqualTo(Holdings.empty());
        assertThat(released.released()).isEqualTo(FROZEN);
        assertThat(released.flaggedAt()).isEqualTo(T0);
        assertThat(released.lastChangedAt()).isEqualTo(T0.plusSeconds(240));
        assertThat(released.warrants())
                .singleElement()
                .satisfies(warrant -> assertThat(warrant.expiresAt()).isEqualTo(expiry));
    }

    @Test
    void anEventSeenTwiceChangesNothing() {
        on(flagged(CASE, ACCOUNT, null), 0L, T0);
        on(warrant(CASE, "W-1", AgencyCode.of("FBI"), expiry), 1L, T0.plusSeconds(60));
        on(requested(CASE), 2L, T0.plusSeconds(120));
        on(frozen(CASE), 3L, T0.plusSeconds(180));
        CaseView before = view();

        on(frozen(CASE), 3L, T0.plusSeconds(999));
        on(requested(CASE), 2L, T0.plusSeconds(999));
        on(flagged(CASE, ACCOUNT, null), 0L, T0.plusSeconds(999));

        assertThat(view()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from case_view", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void assetsHeldOnlyUnderExpiredWarrantsNeedAttentionUntilTheWarrantIsExtended() {
        on(flagged(CASE, ACCOUNT, null), 0L, T0);
        on(warrant(CASE, "W-1", AgencyCode.of("FBI"), expiry), 1L, T0);
        on(requested(CASE), 2L, T0);
        on(frozen(CASE), 3L, T0);
        assertThat(view().attention()).isEmpty();

        on(new WarrantExpired(CASE, WarrantId.of("W-1"), expiry, FROZEN), 4L, expiry);
        assertThat(view().attention()).containsExactly("WARRANT_EXPIRED");

        on(
                new WarrantExtended(
                        CASE,
                        WarrantId.of("W-1"),
                        expiry,
                        expiry.plusSeconds(86_400),
                        "EXT",
                        Sha256.of("e".repeat(64)),
                        SUPERVISOR),
                5L,
                expiry.plusSeconds(60));
        assertThat(view().attention()).isEmpty();
        assertThat(view().warrants().get(0).expiresAt()).isEqualTo(expiry.plusSeconds(86_400));

        on(new BlockingReportOverdue(CASE, FreezeRequestId.of("R-1"), expiry), 6L, expiry.plusSeconds(120));
        assertThat(view().attention()).containsExactly("BLOCKING_REPORT_OVERDUE");
    }

    @Test
    void aReleasedCaseNeedsNoAttentionForItsExpiredWarrant() {
        on(flagged(CASE, ACCOUNT, null), 0L, T0);
        on(warrant(CASE, "W-1", AgencyCode.of("FBI"), expiry), 1L, T0);
        on(requested(CASE), 2L, T0);
        on(frozen(CASE), 3L, T0);
        on(releasedAll(CASE), 4L, T0);
        on(new WarrantExpired(CASE, WarrantId.of("W-1"), expiry, Holdings.empty()), 5L, expiry);
        assertThat(view().attention()).isEmpty();
    }

    @Test
    void aResetEmptiesTheViews() {
        on(flagged(CASE, ACCOUNT, null), 0L, T0);
        projection.reset();
        assertThat(views.find(CASE)).isEmpty();
    }

    @Test
    void aWarrantIsJudgedExpiredAtItsExpiry() {
        on(flagged(CASE, ACCOUNT, null), 0L, T0);
        on(warrant(CASE, "W-1", AgencyCode.of("FBI"), expiry), 1L, T0);
        assertThat(view().judgedAt(expiry.minusSeconds(1)).warrants().get(0).expired())
                .isFalse();
        assertThat(view().judgedAt(expiry).warrants().get(0).expired()).isTrue();
    }

    @Test
    void theEventsOfAProcessorBatchAreWrittenAtItsCommitAndEndLikeOneByOne() {
        CaseId other = CaseId.of("CASE-2");
        List<TrackedEventMessage<CaseEvent>> batch = List.of(
                tracked(flagged(CASE, ACCOUNT, null), 0L, T0, 1), tracked(flagged(other, ACCOUNT, null), 0L, T0, 2),
                tracked(warrant(CASE, "W-1", AgencyCode.of("FBI"), expiry), 1L, T0, 3),
                        tracked(requested(CASE), 2L, T0, 4),
                tracked(frozen(CASE), 3L, T0, 5),
                        tracked(warrant(other, "W-2", AgencyCode.of("HSI"), expiry), 1L, T0, 6));
        List<Boolean> writtenBeforeCommit = new ArrayList<>();

        ResultMessage<?> outcome = ProcessorBatch.handle(jdbc, batch, message -> {
            handle(projection, message);
            writtenBeforeCommit.add(views.find(CASE).isPresent());
        });

        assertThat(outcome.isExceptional()).isFalse();
        assertThat(writtenBeforeCommit).containsOnly(false);
        JdbcTemplate oneByOneDatabase = ReadModelDatabase.fresh();
        CaseViewRepository oneByOne = new CaseViewRepository(oneByOneDatabase);
        CaseViewProjection alone = new CaseViewProjection(
                oneByOne,
                new CaseViewsInMemory(100, Duration.ofSeconds(10), Ticker.systemTicker()),
                SimpleQueryUpdateEmitter.builder().build(),
                ReadModelWrites.direct());
        batch.forEach(message -> handle(alone, message));
        assertThat(views.find(CASE))
                .isEqualTo(oneByOne.find(CASE))
                .get()
                .extracting(CaseView::version)
                .isEqualTo(3L);
        assertThat(views.find(other))
                .isEqualTo(oneByOne.find(other))
                .get()
                .extracting(CaseView::status)
                .isEqualTo(CaseStatus.WARRANT_RECEIVED);
    }

    @Test
    void aBatchThatCannotBeWrittenIsTriedAgainOneEventAtATimeSoOnlyTheEventAtFaultFails() {
        CaseId poisoned = CaseId.of("POISON");
        jdbc.execute("alter table case_view add constraint test_poison check (case_id <> 'POISON')");
        CaseViewProjection projection = new CaseViewProjection(
                views,
                inMemory,
                SimpleQueryUpdateEmitter.builder().build(),
                ReadModelWrites.inSavepoints(jdbc.getDataSource()));
        List<TrackedEventMessage<CaseEvent>> batch = List.of(
                tracked(flagged(CASE, ACCOUNT, null), 0L, T0, 1),
                tracked(flagged(poisoned, ACCOUNT, null), 0L, T0, 2),
                tracked(warrant(CASE, "W-1", AgencyCode.of("FBI"), expiry), 1L, T0, 3));

        assertThat(ProcessorBatch.handle(jdbc, batch, message -> {
                            underClaim();
                            handle(projection, message);
                        })
                        .isExceptional())
                .isTrue();
        assertThat(views.find(CASE)).isEmpty();
        assertThat(inMemory.find(CASE))
                .as("a view of a batch rolled back is not kept")
                .isEmpty();

        List<String> failed = new ArrayList<>();
        ProcessorBatch.handle(jdbc, batch, message -> {
            try {
                handle(projection, message);
            } catch (RuntimeException failure) {
                failed.add(((DomainEventMessage<?>) message).getAggregateIdentifier());
            }
        });
        assertThat(failed).containsExactly("POISON");
        assertThat(view().version()).isEqualTo(1);

        ResultMessage<?> later = ProcessorBatch.handle(
                jdbc, List.of(tracked(requested(CASE), 2L, T0, 4), tracked(frozen(CASE), 3L, T0, 5)), message -> {
                    underClaim();
                    handle(projection, message);
                    assertThat(view().version())
                            .as("written at the commit, as batches again")
                            .isEqualTo(1);
                });
        assertThat(later.isExceptional()).isFalse();
        assertThat(view().version()).isEqualTo(3);
        assertThat(inMemory.find(CASE)).as("the view committed is kept").contains(view());
    }

    @Test
    void subscribersAreToldOfAViewOnlyAfterItsBatchIsCommitted() {
        List<String> toldWhen = new ArrayList<>();
        List<Boolean> keptWhenTold = new ArrayList<>();
        QueryUpdateEmitter recording = (QueryUpdateEmitter) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {QueryUpdateEmitter.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("emit")) {
                        toldWhen.add(
                                CurrentUnitOfWork.isStarted()
                                        ? CurrentUnitOfWork.get().phase().name()
                                        : "outside");
                        keptWhenTold.add(inMemory.find(CASE).isPresent());
                    }
                    return null;
                });
        CaseViewProjection told =
                new CaseViewProjection(views, inMemory, recording, ReadModelWrites.inSavepoints(jdbc.getDataSource()));

        ProcessorBatch.handle(
                jdbc,
                List.of(
                        tracked(flagged(CASE, ACCOUNT, null), 0L, T0, 1),
                        tracked(flagged(CaseId.of("CASE-2"), ACCOUNT, null), 0L, T0, 2)),
                message -> {
                    underClaim();
                    handle(told, message);
                });

        assertThat(toldWhen).containsExactly("AFTER_COMMIT", "AFTER_COMMIT");
        assertThat(keptWhenTold)
                .as("a subscriber told of a view finds it in memory")
                .containsOnly(true);
    }

    @Test
    void aReplayForgetsTheViewsKeptInMemory() {
        ProcessorBatch.handle(jdbc, List.of(tracked(flagged(CASE, ACCOUNT, null), 0L, T0, 1)), message -> {
            underClaim();
            handle(projection, message);
        });
        assertThat(inMemory.find(CASE)).isPresent();

        projection.reset();

        assertThat(inMemory.find(CASE)).isEmpty();
    }

    @Test
    void aViewWrittenOutsideATrackingProcessorsBatchIsStoredButNotKept() {
        // a dead letter retried by an operator: no segment of this node's stands behind it
        ProcessorBatch.handle(
                jdbc,
                List.of(tracked(flagged(CASE, ACCOUNT, null), 0L, T0, 1)),
                message -> handle(projection, message));

        assertThat(views.find(CASE)).isPresent();
        assertThat(inMemory.find(CASE)).isEmpty();
    }

    /** Marks the batch as Axon's tracking processor does, with the segment it is processed under. */
    private static void underClaim() {
        CurrentUnitOfWork.get().resources().put(CaseViewProjection.CLAIMED_SEGMENT, 0);
    }

    private void on(CaseEvent event, long sequence, Instant at) {
        projection.on(event, sequence, at, tracked(event, sequence, at, 0));
    }

    private static void handle(CaseViewProjection projection, EventMessage<?> message) {
        DomainEventMessage<?> event = (DomainEventMessage<?>) message;
        projection.on((CaseEvent) event.getPayload(), event.getSequenceNumber(), event.getTimestamp(), event);
    }
}

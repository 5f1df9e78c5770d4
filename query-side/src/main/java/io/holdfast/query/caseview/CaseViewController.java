package io.holdfast.query.caseview;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.InvalidValueException;
import io.holdfast.kernel.NothingFound;
import io.holdfast.kernel.caseview.CaseView;
import io.holdfast.kernel.caseview.FindCase;
import io.holdfast.query.http.Answered;
import io.holdfast.query.http.ReadParameters;
import io.holdfast.query.http.ReadSettings;
import io.holdfast.query.http.StaleAnswer;
import io.holdfast.query.http.ViewNotYetCaughtUp;
import io.holdfast.query.http.ViewRechecks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One case, read through the query gateway: as it stands now, as it stood at an instant
 * ({@code asOf}), once the view has caught up with a write ({@code minVersion}), or live
 * ({@code /updates}, server-sent events).
 */
@RestController
@RequestMapping(path = "/api/cases/{caseId}")
class CaseViewController {

    private static final Duration RECHECK_EVERY = Duration.ofMillis(250);

    private final QueryGateway queries;
    private final ViewRechecks rechecks;
    private final Duration readYourWritesWait;
    private final Duration heartbeatEvery;
    private final LiveUpdatesEnd liveUpdatesEnd;
    private final StoredCases storedCases;
    private final Clock clock = Clock.systemUTC();

    @Autowired
    CaseViewController(
            QueryGateway queries,
            ViewRechecks rechecks,
            LiveUpdatesEnd liveUpdatesEnd,
            StoredCases storedCases,
            ReadSettings reads) {
        this(queries, rechecks, liveUpdatesEnd, storedCases, reads.minVersionWait(), reads.liveUpdateHeartbeat());
    }

    CaseViewController(
            QueryGateway queries,
            ViewRechecks rechecks,
            LiveUpdatesEnd liveUpdatesEnd,
            StoredCases storedCases,
            Duration readYourWritesWait,
            Duration heartbeatEvery) {
        this.storedCases = storedCases;
        this.queries = queries;
        this.rechecks = rechecks;
        this.readYourWritesWait = readYourWritesWait;
        this.heartbeatEvery = heartbeatEvery;
        this.liveUpdatesEnd = liveUpdatesEnd;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE, params = "!minVersion")
    ResponseEntity<CaseView> view(
            @PathVariable String caseId, @RequestParam(required = false) String asOf, Actor actor) {
        CaseId id = ReadParameters.caseId(caseId);
        Instant instant = ReadParameters.instant("asOf", asOf);
        CaseView view = Answered.now(queries.query(
                new FindCase(id, instant, ReadParameters.confinedTo(actor)), ResponseTypes.instanceOf(CaseView.class)));
        if (view == null) {
            throw notFound(id, instant);
        }
        return answer(view);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE, params = "minVersion")
    Mono<ResponseEntity<CaseView>> viewOnceAtVersion(
            @PathVariable String caseId,
            @RequestParam(required = false) String asOf,
            @RequestParam String minVersion,
            Actor actor) {
        CaseId id = ReadParameters.caseId(caseId);
        Instant instant = ReadParameters.instant("asOf", asOf);
        Long wanted = ReadParameters.version("minVersion", minVersion);
        if (wanted == null) {
            return Mono.just(view(caseId, asOf, actor));
        }
        if (instant != null) {
            throw new InvalidValueException("minVersion", "cannot be combined with asOf");
        }
        return onceAtVersion(new FindCase(id, null, ReadParameters.confinedTo(actor)), wanted);
    }

    @GetMapping(path = "/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<CaseView>> updates(@PathVariable String caseId, Actor actor) {
        FindCase query = new FindCase(ReadParameters.caseId(caseId), null, ReadParameters.confinedTo(actor));
        SubscriptionQueryResult<CaseView, CaseView> subscription = queries.subscriptionQuery(
                query, ResponseTypes.instanceOf(CaseView.class), ResponseTypes.instanceOf(CaseView.class));
        CaseView current = currentOrClose(subscription);
        if (current == null) {
            throw notFound(query.caseId(), null);
        }
        // an update can arrive for the version the stream began with (its projection commits before it
        // tells subscribers) or, across nodes, out of order: a client sees each version once, in order
        AtomicLong sent = new AtomicLong(-1);
        Flux<ServerSentEvent<CaseView>> views = Flux.just(current)
                .concatWith(subscription.updates())
                .filter(view -> sent.getAndAccumulate(view.version(), Math::max) < view.version())
                .map(view -> ServerSentEvent.builder(view.judgedAt(clock.instant()))
                        .id(Long.toString(view.version()))
                        .event("case")
                        .build());
        // a portal that went away is noticed only when a write to it fails: without a heartbeat, a quiet
        // case's stream and its subscription would stay open, and hold a place, for good
        Flux<ServerSentEvent<CaseView>> heartbeats = Flux.interval(heartbeatEvery)
                .onBackpressureDrop()
                .map(tick -> ServerSentEvent.<CaseView>builder()
                        .comment("still watching")
                        .build());
        return Flux.merge(views, heartbeats)
                .takeUntilOther(liveUpdatesEnd.whenStopping())
                .doFinally(signal -> subscription.close());
    }

    /** The subscription's first answer, the case as it is now; the subscription is closed when there is none. */
    private static CaseView currentOrClose(SubscriptionQueryResult<CaseView, CaseView> subscription) {
        try {
            CaseView current = Answered.now(subscription.initialResult().toFuture());
            if (current == null) {
                subscription.close();
            }
            return current;
        } catch (RuntimeException notAnswered) {
            subscription.close();
            throw notAnswered;
        }
    }

    /**
     * Waits, without holding a server thread, until the view has reached {@code wanted}. Past the
     * wait it answers the view it has, with a {@code Warning: 110} ("response is stale") header
     * naming both versions, so the client knows to ask again.
     */
    private Mono<ResponseEntity<CaseView>> onceAtVersion(FindCase query, long wanted) {
        SubscriptionQueryResult<CaseView, CaseView> subscription = queries.subscriptionQuery(
                query, ResponseTypes.instanceOf(CaseView.class), ResponseTypes.instanceOf(CaseView.class));
        AtomicReference<CaseView> latest = new AtomicReference<>();
        // updates come from projections on this node; another node's projection is seen by asking again
        Flux<CaseView> askingAgain = rechecks.every(
                RECHECK_EVERY, RECHECK_EVERY, () -> queries.query(query, ResponseTypes.instanceOf(CaseView.class)));
        return Flux.merge(subscription.initialResult().concatWith(subscription.updates()), askingAgain)
                .doOnNext(latest::set)
                .filter(view -> view.version() >= wanted)
                .next()
                .map(this::answer)
                .timeout(readYourWritesWait, Mono.defer(() -> behind(query, wanted, latest.get())))
                .doFinally(signal -> subscription.close());
    }

    /**
     * The wait ended: the view it has, marked stale; or, with no view yet of a case the event store
     * holds and the caller may see, "ask again" (503), never "not found".
     */
    private Mono<ResponseEntity<CaseView>> behind(FindCase query, long wanted, CaseView latest) {
        if (latest == null) {
            return Mono.fromCallable(() -> storedCases.visibleVersion(query.caseId(), query.visibleTo()))
                    .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                    .flatMap(stored -> stored.isPresent()
                            ? Mono.error(new ViewNotYetCaughtUp(
                                    "view", query.caseId().value(), stored.get()))
                            : Mono.error(notFound(query.caseId(), null)));
        }
        return Mono.just(ResponseEntity.ok()
                .eTag(etag(latest))
                .header(StaleAnswer.HEADER, StaleAnswer.warning("view", latest.version(), wanted))
                .body(latest.judgedAt(clock.instant())));
    }

    private ResponseEntity<CaseView> answer(CaseView view) {
        return ResponseEntity.ok().eTag(etag(view)).body(view.judgedAt(clock.instant()));
    }

    private static String etag(CaseView view) {
        return "\"" + view.version() + "\"";
    }

    private static NothingFound notFound(CaseId caseId, Instant asOf) {
        return new NothingFound(
                asOf == null ? "case " + caseId + " was not found" : "case " + caseId + " did not exist at " + asOf);
    }
}

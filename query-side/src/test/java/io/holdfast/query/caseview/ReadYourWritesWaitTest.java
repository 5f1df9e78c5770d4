package io.holdfast.query.caseview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.Role;
import io.holdfast.kernel.caseview.CaseView;
import io.holdfast.kernel.caseview.FindCase;
import io.holdfast.query.http.ViewRechecks;
import io.holdfast.query.readmodel.SlowRead;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.DefaultSubscriptionQueryResult;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A read waiting for the version its client wrote ({@code ?minVersion=}) asks the view again
 * every 250 ms. When the awaited version arrives while such a recheck is still reading, the
 * recheck's thread must not be interrupted: an interrupt inside H2's file I/O closes the embedded
 * database for every request.
 */
class ReadYourWritesWaitTest {

    private final QueryGateway queries = mock(QueryGateway.class);
    private final Sinks.Many<CaseView> updates = Sinks.many().multicast().onBackpressureBuffer();
    private final ViewRechecks rechecks = new ViewRechecks(2);
    private final StoredCases storedCases = mock(StoredCases.class);

    @Test
    void aRecheckStillReadingWhenTheAwaitedVersionArrivesIsNotInterrupted() throws Exception {
        CaseView atVersion3 = view(3);
        CaseView atVersion4 = view(4);
        SlowRead recheck = new SlowRead(Duration.ofMillis(300));
        when(queries.query(any(FindCase.class), any(ResponseType.class)))
                .thenAnswer(question -> CompletableFuture.completedFuture(recheck.answer(atVersion3)));
        when(queries.subscriptionQuery(any(FindCase.class), any(ResponseType.class), any(ResponseType.class)))
                .thenReturn(new DefaultSubscriptionQueryResult<>(Mono.just(atVersion3), updates.asFlux(), () -> true));
        CaseViewController controller = new CaseViewController(
                queries, rechecks, new LiveUpdatesEnd(), storedCases, Duration.ofSeconds(5), Duration.ofSeconds(15));

        CompletableFuture<ResponseEntity<CaseView>> answer = controller
                .viewOnceAtVersion("case-1", null, "4", Actor.of("officer-1", Role.OFFICER))
                .toFuture();
        assertThat(recheck.awaitStarted()).as("a recheck began reading").isTrue();
        updates.tryEmitNext(atVersion4);

        assertThat(answer.get(5, TimeUnit.SECONDS).getBody()).isSameAs(atVersion4);
        assertThat(recheck.wasInterrupted())
                .as("the recheck's thread was interrupted while reading")
                .isFalse();
        rechecks.destroy();
    }

    /** A case the event store holds but whose view does not exist yet: 503, ask again; a case it lacks: 404. */
    @Test
    void aStoredCaseWithoutItsViewYetIsNotAnsweredAsNotFound() {
        when(queries.query(any(FindCase.class), any(ResponseType.class)))
                .thenAnswer(question -> CompletableFuture.completedFuture(null));
        when(queries.subscriptionQuery(any(FindCase.class), any(ResponseType.class), any(ResponseType.class)))
                .thenReturn(new DefaultSubscriptionQueryResult<>(Mono.empty(), updates.asFlux(), () -> true));
        CaseViewController controller = new CaseViewController(
                queries, rechecks, new LiveUpdatesEnd(), storedCases, Duration.ofMillis(300), Duration.ofSeconds(15));
        Actor officer = Actor.of("officer-1", Role.OFFICER);

        when(storedCases.visibleVersion(any(), any())).thenReturn(java.util.Optional.of(0L));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> controller
                        .viewOnceAtVersion("case-1", null, "0", officer)
                        .block(Duration.ofSeconds(5)))
                .isInstanceOf(io.holdfast.query.http.ViewNotYetCaughtUp.class)
                .hasMessage("case case-1 is stored at version 0 but its view has not caught up with it yet; ask again"
                        + " shortly");

        when(storedCases.visibleVersion(any(), any())).thenReturn(java.util.Optional.empty());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> controller
                        .viewOnceAtVersion("case-2", null, "0", officer)
                        .block(Duration.ofSeconds(5)))
                .isInstanceOf(io.holdfast.kernel.NothingFound.class);
        rechecks.destroy();
    }

    private static CaseView view(long version) {
        CaseView view = mock(CaseView.class);
        when(view.version()).thenReturn(version);
        when(view.judgedAt(any())).thenReturn(view);
        return view;
    }
}

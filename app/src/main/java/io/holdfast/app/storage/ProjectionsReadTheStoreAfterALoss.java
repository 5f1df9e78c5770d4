package io.holdfast.app.storage;

import io.holdfast.query.performance.EventsReadFromTheStore;
import io.holdfast.query.performance.FollowedEvents;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Sends the projections to the store itself the first time H2 closes the embedded store under
 * Holdfast ({@link EmbeddedStoreLoss}), for as long as Holdfast runs; with Axon Server there is no
 * storage engine here, and nothing to do.
 */
final class ProjectionsReadTheStoreAfterALoss implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProjectionsReadTheStoreAfterALoss.class);
    private static final Duration POLL = Duration.ofMillis(50);

    private final AtomicBoolean sent = new AtomicBoolean();
    private final Runnable listener;

    ProjectionsReadTheStoreAfterALoss(FollowedEvents projectionEvents, ObjectProvider<EventStorageEngine> store) {
        this.listener = () -> {
            EventStorageEngine engine = store.getIfAvailable();
            if (engine == null || !sent.compareAndSet(false, true)) {
                return;
            }
            log.warn("the embedded store was closed under Holdfast (its file could not be written); until Holdfast is"
                    + " started again its projections read the store itself, not the event store's shared cache");
            projectionEvents.readFromTheStoreFromNowOn(new EventsReadFromTheStore(engine, POLL));
        };
        EmbeddedStoreLoss.whenItHappens(listener);
    }

    boolean sent() {
        return sent.get();
    }

    @Override
    public void close() {
        EmbeddedStoreLoss.forget(listener);
    }
}

package io.holdfast.app.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.SQLException;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * An event a projection cannot write because the store failed is not parked (which would hold its
 * case's later events out of the read models) but fails its batch, to be tried again; an event that
 * fails for itself is still parked. Runs Axon's own dead-lettering invoker, so an upgrade of Axon that
 * swallows the policy's throw fails it.
 */
class StoreFailuresAreRetriedNotParkedTest {

    private final InMemorySequencedDeadLetterQueue<EventMessage<?>> parked =
            InMemorySequencedDeadLetterQueue.defaultQueue();

    @Test
    void anEventTheStoreCouldNotTakeFailsItsBatchAndIsNotParked() {
        DeadLetteringEventHandlerInvoker projection = projectionFailingWith(new DataAccessResourceFailureException(
                "PreparedStatementCallback",
                new SQLException(
                        "The database has been closed", "90098", 90098, new IOException("No space left on device"))));

        assertThatThrownBy(() -> projection.handle(GenericEventMessage.asEventMessage("flagged"), Segment.ROOT_SEGMENT))
                .isInstanceOf(StoreFailuresAreRetriedNotParked.StoreFailed.class);
        assertThat(parked.size()).isZero();
    }

    @Test
    void anEventThatFailsForItselfIsParked() throws Exception {
        DeadLetteringEventHandlerInvoker projection = projectionFailingWith(
                new DataIntegrityViolationException("value too long for type character varying(64)"));

        projection.handle(GenericEventMessage.asEventMessage("flagged"), Segment.ROOT_SEGMENT);

        assertThat(parked.size()).isEqualTo(1);
    }

    private DeadLetteringEventHandlerInvoker projectionFailingWith(RuntimeException failure) {
        return DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(new Object() {
                    @EventHandler
                    void on(String event) {
                        throw failure;
                    }
                })
                .queue(parked)
                .enqueuePolicy(new StoreFailuresAreRetriedNotParked())
                .transactionManager(NoTransactionManager.INSTANCE)
                .build();
    }
}

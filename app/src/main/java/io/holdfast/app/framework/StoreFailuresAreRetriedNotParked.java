package io.holdfast.app.framework;

import io.holdfast.app.problem.DatabaseAway;
import io.holdfast.app.problem.StoreFull;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.springframework.stereotype.Component;

/**
 * The projections park an event that fails in the dead-letter queue and go on, so one bad event
 * holds up only its own case; but when the store itself fails (out of reach, closed, its disk
 * full) the event is not at fault, and a parked event holds its case's later events out of the read
 * models, the audit trail included, until an operator retries it. Axon asks this policy whether to
 * park and skips the event when told not to; so for a store failure the policy throws instead, the
 * batch fails and the processor tries it again once the store is back. {@code
 * StoreFailuresAreRetriedNotParkedTest} fails when an upgrade of Axon swallows the throw.
 */
@Component
public class StoreFailuresAreRetriedNotParked implements EnqueuePolicy<EventMessage<?>>, ConfigurerModule {

    /** The batch failed because the store did; the processor tries it again. */
    public static final class StoreFailed extends RuntimeException {
        StoreFailed(Throwable cause) {
            super("the store failed under the projection, not the event: the batch is tried again", cause);
        }
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (DatabaseAway.reason(cause).isPresent() || StoreFull.reason(cause).isPresent()) {
            throw new StoreFailed(cause);
        }
        return Decisions.enqueue(cause);
    }

    @Override
    public void configureModule(org.axonframework.config.Configurer configurer) {
        configurer.eventProcessing().registerDefaultDeadLetterPolicy(configuration -> this);
    }
}

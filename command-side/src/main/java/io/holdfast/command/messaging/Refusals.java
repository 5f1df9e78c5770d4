package io.holdfast.command.messaging;

import io.holdfast.kernel.Refusal;
import java.util.Optional;
import org.axonframework.messaging.HandlerExecutionException;

/**
 * Finds the {@link Refusal} a failure carries: in the details of Axon's execution exception when it
 * crossed from the node that handled the message, else the one the failure raised here stands for.
 */
public final class Refusals {

    private Refusals() {}

    public static Optional<Refusal> of(Throwable failure) {
        Optional<Refusal> carried = HandlerExecutionException.resolveDetails(failure)
                .filter(Refusal.class::isInstance)
                .map(Refusal.class::cast);
        return carried.isPresent() ? carried : Refusal.raisedBy(failure);
    }
}

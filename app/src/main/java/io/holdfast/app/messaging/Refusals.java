package io.holdfast.app.messaging;

import io.holdfast.kernel.Refusal;
import org.axonframework.messaging.HandlerExecutionException;

import java.util.Optional;

/** Finds the {@link Refusal} a failure carries, whether it crossed from another node or was raised here. */
public final class Refusals {

    private Refusals() {
    }

    public static Optional<Refusal> of(Throwable failure) {
        Optional<Refusal> carried = HandlerExecutionException.resolveDetails(failure)
                .filter(Refusal.class::isInstance)
                .map(Refusal.class::cast);
        return carried.isPresent() ? carried : Refusal.raisedBy(failure);
    }
}

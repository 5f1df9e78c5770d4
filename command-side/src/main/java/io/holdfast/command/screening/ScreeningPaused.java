package io.holdfast.command.screening;

import java.util.function.BooleanSupplier;

/** A run stopped between two steps because Holdfast is shutting down; it is queued again, not failed. */
class ScreeningPaused extends RuntimeException {

    ScreeningPaused() {
        super("the screening was paused because Holdfast is shutting down", null, false, false);
    }

    static void ifAsked(BooleanSupplier stopping) {
        if (stopping.getAsBoolean()) {
            throw new ScreeningPaused();
        }
    }
}

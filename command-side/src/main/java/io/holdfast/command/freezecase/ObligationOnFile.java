package io.holdfast.command.freezecase;

import io.holdfast.kernel.FreezeRequestId;
import java.time.Instant;

/** A blocking-report obligation as the case remembers it. */
record ObligationOnFile(FreezeRequestId obligationId, Instant dueAt, boolean filed, boolean overdue) {

    ObligationOnFile markedFiled() {
        return new ObligationOnFile(obligationId, dueAt, true, overdue);
    }

    ObligationOnFile markedOverdue() {
        return new ObligationOnFile(obligationId, dueAt, filed, true);
    }
}

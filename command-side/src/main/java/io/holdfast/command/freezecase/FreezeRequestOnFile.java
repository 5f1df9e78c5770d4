package io.holdfast.command.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.WarrantId;

/** A freeze request as the case remembers it, with the decision taken on it so far. */
record FreezeRequestOnFile(
        FreezeRequestId requestId, WarrantId warrantId, Holdings holdings, Actor requestedBy, Decision decision) {

    enum Decision {
        PENDING,
        APPROVED,
        REJECTED
    }

    boolean isPending() {
        return decision == Decision.PENDING;
    }

    FreezeRequestOnFile decided(Decision newDecision) {
        return new FreezeRequestOnFile(requestId, warrantId, holdings, requestedBy, newDecision);
    }
}

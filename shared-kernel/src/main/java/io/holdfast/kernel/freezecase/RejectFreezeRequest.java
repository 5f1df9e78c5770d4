package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor, other than the requester, turns down a pending freeze request. */
public record RejectFreezeRequest(
        @TargetAggregateIdentifier CaseId caseId,
        FreezeRequestId requestId,
        String reason,
        Actor actor,
        Long expectedVersion) {

    public RejectFreezeRequest {
        Require.present("caseId", caseId);
        Require.present("requestId", requestId);
        Require.text("reason", reason, 2000);
        Require.present("actor", actor);
    }

    public RejectFreezeRequest(CaseId caseId, FreezeRequestId requestId, String reason, Actor actor) {
        this(caseId, requestId, reason, actor, null);
    }
}

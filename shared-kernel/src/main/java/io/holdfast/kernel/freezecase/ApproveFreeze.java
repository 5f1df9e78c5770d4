package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor, other than the requester, approves a pending freeze request: the assets are frozen. */
public record ApproveFreeze(
        @TargetAggregateIdentifier CaseId caseId,
        FreezeRequestId requestId,
        String comment,
        Actor actor,
        Long expectedVersion) {

    public ApproveFreeze {
        Require.present("caseId", caseId);
        Require.present("requestId", requestId);
        comment = Require.optionalText("comment", comment, 2000);
        Require.present("actor", actor);
    }

    public ApproveFreeze(CaseId caseId, FreezeRequestId requestId, String comment, Actor actor) {
        this(caseId, requestId, comment, actor, null);
    }
}

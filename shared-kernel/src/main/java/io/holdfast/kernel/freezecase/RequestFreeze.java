package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.InvalidValueException;
import io.holdfast.kernel.Require;
import io.holdfast.kernel.WarrantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ask for holdings to be frozen under a warrant of the case; a supervisor decides. */
public record RequestFreeze(
        @TargetAggregateIdentifier CaseId caseId,
        FreezeRequestId requestId,
        WarrantId warrantId,
        Holdings holdings,
        Actor actor,
        Long expectedVersion) {

    public RequestFreeze {
        Require.present("caseId", caseId);
        Require.present("requestId", requestId);
        Require.present("warrantId", warrantId);
        Require.present("holdings", holdings);
        if (holdings.isEmpty()) {
            throw new InvalidValueException("holdings", "must name at least one asset to freeze");
        }
        Require.present("actor", actor);
    }

    public RequestFreeze(
            CaseId caseId, FreezeRequestId requestId, WarrantId warrantId, Holdings holdings, Actor actor) {
        this(caseId, requestId, warrantId, holdings, actor, null);
    }
}

package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Hand frozen holdings over to the authority (forfeiture). {@code holdings} absent (null) turns over
 * everything still frozen.
 */
public record TurnOverAssets(
        @TargetAggregateIdentifier CaseId caseId,
        Holdings holdings,
        String destination,
        String authorityReference,
        Actor actor,
        Long expectedVersion) {

    public TurnOverAssets {
        Require.present("caseId", caseId);
        Require.text("destination", destination, 500);
        Require.text("authorityReference", authorityReference, 200);
        Require.present("actor", actor);
    }

    public TurnOverAssets(
            CaseId caseId, Holdings holdings, String destination, String authorityReference, Actor actor) {
        this(caseId, holdings, destination, authorityReference, actor, null);
    }

    public boolean turnsOverEverything() {
        return holdings == null;
    }
}

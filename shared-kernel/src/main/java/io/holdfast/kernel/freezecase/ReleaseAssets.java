package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.ReleaseReason;
import io.holdfast.kernel.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Release frozen holdings back to the account holder. {@code holdings} absent (null) releases
 * everything still frozen.
 */
public record ReleaseAssets(
        @TargetAggregateIdentifier CaseId caseId,
        Holdings holdings,
        ReleaseReason reason,
        String authorityReference,
        Actor actor,
        Long expectedVersion) {

    public ReleaseAssets {
        Require.present("caseId", caseId);
        Require.present("reason", reason);
        Require.text("authorityReference", authorityReference, 200);
        Require.present("actor", actor);
    }

    public ReleaseAssets(
            CaseId caseId, Holdings holdings, ReleaseReason reason, String authorityReference, Actor actor) {
        this(caseId, holdings, reason, authorityReference, actor, null);
    }

    public boolean releasesEverything() {
        return holdings == null;
    }
}

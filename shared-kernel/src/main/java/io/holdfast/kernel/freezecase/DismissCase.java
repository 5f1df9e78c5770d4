package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close a case as a false positive; only while nothing is frozen. */
public record DismissCase(@TargetAggregateIdentifier CaseId caseId, String reason, Actor actor, Long expectedVersion) {

    public DismissCase {
        Require.present("caseId", caseId);
        Require.text("reason", reason, 2000);
        Require.present("actor", actor);
    }

    public DismissCase(CaseId caseId, String reason, Actor actor) {
        this(caseId, reason, actor, null);
    }
}

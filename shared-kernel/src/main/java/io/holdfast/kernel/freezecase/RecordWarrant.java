package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Require;
import io.holdfast.kernel.Warrant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a warrant or other legal order on a case. */
public record RecordWarrant(
        @TargetAggregateIdentifier CaseId caseId, Warrant warrant, Actor actor, Long expectedVersion) {

    public RecordWarrant {
        Require.present("caseId", caseId);
        Require.present("warrant", warrant);
        Require.present("actor", actor);
    }

    public RecordWarrant(CaseId caseId, Warrant warrant, Actor actor) {
        this(caseId, warrant, actor, null);
    }
}

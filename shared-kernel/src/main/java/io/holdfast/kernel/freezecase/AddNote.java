package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a note to a case; allowed in every state, also after it is closed. */
public record AddNote(@TargetAggregateIdentifier CaseId caseId, String text, Actor actor, Long expectedVersion) {

    public AddNote {
        Require.present("caseId", caseId);
        Require.text("text", text, 10_000);
        Require.present("actor", actor);
    }

    public AddNote(CaseId caseId, String text, Actor actor) {
        this(caseId, text, actor, null);
    }
}

package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;

/** A note was added to a case. */
public record NoteAdded(CaseId caseId, String text, Actor author) implements CaseEvent {
}

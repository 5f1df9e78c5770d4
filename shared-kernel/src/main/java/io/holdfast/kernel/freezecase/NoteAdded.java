package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import org.axonframework.serialization.Revision;

/** A note was added to a case. */
@Revision("1")
public record NoteAdded(CaseId caseId, String text, Actor author) implements CaseEvent {}

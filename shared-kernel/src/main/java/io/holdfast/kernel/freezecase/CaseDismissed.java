package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import org.axonframework.serialization.Revision;

/** A case was closed as a false positive before anything was frozen. */
@Revision("1")
public record CaseDismissed(CaseId caseId, String reason, Actor dismissedBy) implements CaseEvent {}

package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;

/** A case was closed as a false positive before anything was frozen. */
public record CaseDismissed(CaseId caseId, String reason, Actor dismissedBy) implements CaseEvent {
}

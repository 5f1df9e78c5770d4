package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Warrant;

/** A warrant or other legal order was recorded on a case. */
public record WarrantReceived(CaseId caseId, Warrant warrant, Actor recordedBy) implements CaseEvent {
}

package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Warrant;
import org.axonframework.serialization.Revision;

/** A warrant or other legal order was recorded on a case. */
@Revision("1")
public record WarrantReceived(CaseId caseId, Warrant warrant, Actor recordedBy) implements CaseEvent {}

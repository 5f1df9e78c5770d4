package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.WarrantId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A warrant of a case will expire soon (the reminder lead before its expiry). */
@Revision("1")
public record WarrantExpiryApproaching(CaseId caseId, WarrantId warrantId, Instant expiresAt) implements CaseEvent {}

package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.WarrantId;

import java.time.Instant;

/** A warrant of a case will expire soon (the reminder lead before its expiry). */
public record WarrantExpiryApproaching(CaseId caseId, WarrantId warrantId, Instant expiresAt) implements CaseEvent {
}

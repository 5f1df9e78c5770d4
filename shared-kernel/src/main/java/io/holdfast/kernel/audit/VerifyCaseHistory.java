package io.holdfast.kernel.audit;

import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseId;

/** Recompute a case's hash chain and check it against the event store. */
public record VerifyCaseHistory(CaseId caseId, AgencyCode visibleTo) {}

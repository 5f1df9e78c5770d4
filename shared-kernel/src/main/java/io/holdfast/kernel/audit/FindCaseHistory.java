package io.holdfast.kernel.audit;

import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseId;

/** A case's whole history, oldest first; for a liaison ({@code visibleTo}) only its agency's cases. */
public record FindCaseHistory(CaseId caseId, AgencyCode visibleTo) {}

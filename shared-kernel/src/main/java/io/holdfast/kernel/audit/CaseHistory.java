package io.holdfast.kernel.audit;

import java.util.List;

/** A case's history, oldest first. */
public record CaseHistory(String caseId, List<AuditEntry> entries) {}

package io.holdfast.kernel.caseview;

import java.time.Instant;

/** A blocking-report obligation of a case. {@code filedLate} when it was filed after its due time. */
public record Obligation(
        String caseId,
        String obligationId,
        String warrantId,
        Instant frozenAt,
        Instant dueAt,
        ObligationStatus status,
        String reportReference,
        Instant filedAt,
        boolean filedLate) {}

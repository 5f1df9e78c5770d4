package io.holdfast.kernel.caseview;

/** Where a blocking-report obligation stands. */
public enum ObligationStatus {
    OPEN,
    OVERDUE,
    FILED
}

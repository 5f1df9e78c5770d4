package io.holdfast.kernel;

/** Where a freeze case stands in its lifecycle. */
public enum CaseStatus {
    FLAGGED,
    WARRANT_RECEIVED,
    FROZEN,
    RELEASED,
    TURNED_OVER,
    DISMISSED;

    /** Once released, turned over or dismissed, a case takes nothing but notes. */
    public boolean isClosed() {
        return this == RELEASED || this == TURNED_OVER || this == DISMISSED;
    }
}

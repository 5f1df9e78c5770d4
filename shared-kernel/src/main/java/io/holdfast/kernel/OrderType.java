package io.holdfast.kernel;

/** The kind of legal order a warrant is. */
public enum OrderType {
    SEIZURE_WARRANT,
    FREEZE_ORDER,
    COURT_ORDER,
    /** A blocking under a sanctions program; starts a reporting obligation. */
    SANCTIONS_BLOCKING
}

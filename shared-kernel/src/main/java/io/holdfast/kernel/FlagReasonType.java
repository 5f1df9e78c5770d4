package io.holdfast.kernel;

/** Why an account was flagged. */
public enum FlagReasonType {
    /** A match against a sanctions list (list and entry named). */
    SANCTIONS_MATCH,
    /** A request from a law-enforcement agency (agency named). */
    LAW_ENFORCEMENT_REQUEST,
    /** The exchange's own investigation. */
    INTERNAL_INVESTIGATION
}

package io.holdfast.query.audit;

/** The audit trail was emptied for a replay: what is built on it is rebuilt with it. */
public record AuditTrailReset() {}

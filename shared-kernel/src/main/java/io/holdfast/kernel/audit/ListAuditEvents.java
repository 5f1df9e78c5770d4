package io.holdfast.kernel.audit;

import java.time.Instant;

/** Audit entries of every case that occurred in [from, to), in global order, one page at a time. */
public record ListAuditEvents(Instant from, Instant to, int page, int size) {}

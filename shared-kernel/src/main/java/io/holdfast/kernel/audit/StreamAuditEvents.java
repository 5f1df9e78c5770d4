package io.holdfast.kernel.audit;

import java.time.Instant;

/** Every audit entry that occurred in [from, to), in global order, streamed rather than paged. */
public record StreamAuditEvents(Instant from, Instant to) {}

package io.holdfast.kernel.audit;

import java.util.List;

/** A page of audit entries across cases. */
public record AuditEventPage(List<AuditEntry> items, int page, int size, long total) {}

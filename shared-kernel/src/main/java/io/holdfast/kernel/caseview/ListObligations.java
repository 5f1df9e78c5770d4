package io.holdfast.kernel.caseview;

import io.holdfast.kernel.AgencyCode;
import java.time.Instant;

/** Blocking-report obligations, soonest due first, by status ({@code OPEN}, {@code OVERDUE}, {@code FILED}) and due time. */
public record ListObligations(ObligationStatus status, Instant dueBefore, int page, int size, AgencyCode visibleTo) {}

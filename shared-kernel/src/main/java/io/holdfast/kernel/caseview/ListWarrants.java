package io.holdfast.kernel.caseview;

import io.holdfast.kernel.AgencyCode;
import java.time.Instant;

/** The warrant registry: warrants soonest to expire first, filtered by expiry and requesting agency. */
public record ListWarrants(Instant expiringBefore, AgencyCode agency, int page, int size, AgencyCode visibleTo) {}

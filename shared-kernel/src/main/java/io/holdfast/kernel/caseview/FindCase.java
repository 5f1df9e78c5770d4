package io.holdfast.kernel.caseview;

import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseId;
import java.time.Instant;

/**
 * The view of one case; {@code asOf} (optional) rebuilds it as it stood at that instant.
 * {@code visibleTo} is a liaison's agency: a case that agency is not party to is not found.
 */
public record FindCase(CaseId caseId, Instant asOf, AgencyCode visibleTo) {}

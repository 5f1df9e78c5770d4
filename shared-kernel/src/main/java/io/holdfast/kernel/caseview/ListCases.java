package io.holdfast.kernel.caseview;

import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseStatus;
import java.time.Instant;

/** A page of cases, newest flag first, filtered by whatever is given. */
public record ListCases(
        CaseStatus status,
        AgencyCode agency,
        AccountId accountId,
        Instant flaggedFrom,
        Instant flaggedTo,
        int page,
        int size,
        AgencyCode visibleTo) {}

package io.holdfast.kernel.caseview;

import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseStatus;
import io.holdfast.kernel.freezecase.CaseAttention;
import java.time.Instant;

/** A page of cases, newest flag first, filtered by whatever is given (and by what they need attention for). */
public record ListCases(
        CaseStatus status,
        AgencyCode agency,
        AccountId accountId,
        Instant flaggedFrom,
        Instant flaggedTo,
        int page,
        int size,
        AgencyCode visibleTo,
        CaseAttention.Need attention) {

    public ListCases(
            CaseStatus status,
            AgencyCode agency,
            AccountId accountId,
            Instant flaggedFrom,
            Instant flaggedTo,
            int page,
            int size,
            AgencyCode visibleTo) {
        this(status, agency, accountId, flaggedFrom, flaggedTo, page, size, visibleTo, null);
    }
}

package io.holdfast.kernel.caseview;

import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.CaseStatus;
import io.holdfast.kernel.FlagReasonType;
import io.holdfast.kernel.Holdings;
import java.time.Instant;
import java.util.List;

/** One line of the case list. */
public record CaseSummary(
        CaseId caseId,
        AccountId accountId,
        CaseStatus status,
        FlagReasonType reasonType,
        List<AgencyCode> agencies,
        Holdings frozen,
        long version,
        Instant flaggedAt,
        Instant lastChangedAt,
        List<String> attention) {}

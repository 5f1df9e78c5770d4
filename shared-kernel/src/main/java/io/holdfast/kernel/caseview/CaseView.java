package io.holdfast.kernel.caseview;

import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.CaseStatus;
import io.holdfast.kernel.FlagReason;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.sanctions.SanctionsMatch;
import java.time.Instant;
import java.util.List;

/**
 * A freeze case as it stands: what {@code GET /api/cases/{id}} answers. {@code agencies} are the
 * agencies party to the case (the flag's and every warrant's requesting agency);
 * {@code released} and {@code turnedOver} are totals over the case's life; {@code attention} lists what
 * needs a person ({@code WARRANT_EXPIRED}, {@code BLOCKING_REPORT_OVERDUE}); {@code sanctionsMatch} is
 * the match screening opened the case for (list version, entry, programs, address), or null.
 */
public record CaseView(
        CaseId caseId,
        AccountId accountId,
        CaseStatus status,
        long version,
        FlagReason reason,
        SanctionsMatch sanctionsMatch,
        List<AgencyCode> agencies,
        List<WarrantView> warrants,
        List<PendingFreezeRequest> pendingFreezeRequests,
        Holdings frozen,
        Holdings released,
        Holdings turnedOver,
        Instant flaggedAt,
        Instant lastChangedAt,
        List<String> attention) {

    public CaseView {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        warrants = warrants == null ? List.of() : List.copyOf(warrants);
        pendingFreezeRequests = pendingFreezeRequests == null ? List.of() : List.copyOf(pendingFreezeRequests);
        attention = attention == null ? List.of() : List.copyOf(attention);
    }

    public boolean isVisibleTo(AgencyCode agency) {
        return agency == null || agencies.contains(agency);
    }

    /** The view with each warrant's {@code expired} judged at {@code now}. */
    public CaseView judgedAt(Instant now) {
        List<WarrantView> judged =
                warrants.stream().map(warrant -> warrant.judgedAt(now)).toList();
        return new CaseView(
                caseId,
                accountId,
                status,
                version,
                reason,
                sanctionsMatch,
                agencies,
                judged,
                pendingFreezeRequests,
                frozen,
                released,
                turnedOver,
                flaggedAt,
                lastChangedAt,
                attention);
    }
}

package io.holdfast.kernel.freezecase;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What about a case needs a person's attention, folded from its events once for every read model
 * that shows it: the warrants assets were frozen under, those expired, the blocking reports overdue,
 * the freeze requests waiting for a supervisor. Kept as JSON beside a view or summary, under these
 * field names; a field missing from JSON kept before it existed reads as empty.
 */
public record CaseAttention(
        Set<String> freezingWarrants,
        Set<String> expiredWarrants,
        Set<String> overdueObligations,
        Set<String> requestsAwaitingApproval) {

    public CaseAttention {
        freezingWarrants = freezingWarrants == null ? Set.of() : freezingWarrants;
        expiredWarrants = expiredWarrants == null ? Set.of() : expiredWarrants;
        overdueObligations = overdueObligations == null ? Set.of() : overdueObligations;
        requestsAwaitingApproval = requestsAwaitingApproval == null ? Set.of() : requestsAwaitingApproval;
    }

    /** What a case can need attention for, as the case list's {@code attention} filter names it. */
    public enum Need {
        WARRANT_EXPIRED,
        BLOCKING_REPORT_OVERDUE,
        FREEZE_AWAITING_APPROVAL
    }

    /** The case holds frozen assets and every warrant they were frozen under has expired. */
    public static final String WARRANT_EXPIRED = Need.WARRANT_EXPIRED.name();
    /** A blocking report is overdue and still not filed. */
    public static final String BLOCKING_REPORT_OVERDUE = Need.BLOCKING_REPORT_OVERDUE.name();
    /** A freeze request waits for a supervisor's decision. */
    public static final String FREEZE_AWAITING_APPROVAL = Need.FREEZE_AWAITING_APPROVAL.name();

    public static CaseAttention none() {
        return new CaseAttention(Set.of(), Set.of(), Set.of(), Set.of());
    }

    /** Whether the event changes what is tracked here (besides the frozen holdings). */
    public static boolean concerns(CaseEvent event) {
        return event instanceof AssetsFrozen
                || event instanceof WarrantExpired
                || event instanceof WarrantExtended
                || event instanceof BlockingReportOverdue
                || event instanceof BlockingReportFiled
                || event instanceof FreezeRequested
                || event instanceof FreezeRequestRejected;
    }

    public CaseAttention after(CaseEvent event) {
        if (!concerns(event)) {
            return this;
        }
        Set<String> freezing = new LinkedHashSet<>(freezingWarrants);
        Set<String> expired = new LinkedHashSet<>(expiredWarrants);
        Set<String> overdue = new LinkedHashSet<>(overdueObligations);
        Set<String> awaiting = new LinkedHashSet<>(requestsAwaitingApproval);
        if (event instanceof FreezeRequested requested) {
            awaiting.add(requested.requestId().value());
        } else if (event instanceof FreezeRequestRejected rejected) {
            awaiting.remove(rejected.requestId().value());
        } else if (event instanceof AssetsFrozen frozen) {
            awaiting.remove(frozen.requestId().value());
            freezing.add(frozen.warrantId().value());
        } else if (event instanceof WarrantExpired warrantExpired) {
            expired.add(warrantExpired.warrantId().value());
        } else if (event instanceof WarrantExtended extended) {
            expired.remove(extended.warrantId().value());
        } else if (event instanceof BlockingReportOverdue reportOverdue) {
            overdue.add(reportOverdue.obligationId().value());
        } else if (event instanceof BlockingReportFiled filed) {
            overdue.remove(filed.obligationId().value());
        }
        return new CaseAttention(freezing, expired, overdue, awaiting);
    }

    /** What needs attention, given whether the case still holds frozen assets. */
    public List<String> attention(boolean holdsFrozenAssets) {
        List<String> attention = new ArrayList<>();
        if (holdsFrozenAssets && !freezingWarrants.isEmpty() && expiredWarrants.containsAll(freezingWarrants)) {
            attention.add(WARRANT_EXPIRED);
        }
        if (!overdueObligations.isEmpty()) {
            attention.add(BLOCKING_REPORT_OVERDUE);
        }
        if (!requestsAwaitingApproval.isEmpty()) {
            attention.add(FREEZE_AWAITING_APPROVAL);
        }
        return attention;
    }
}

package io.holdfast.query.caseview;

import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.CaseStatus;
import io.holdfast.kernel.FlagReason;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.Warrant;
import io.holdfast.kernel.caseview.CaseView;
import io.holdfast.kernel.caseview.PendingFreezeRequest;
import io.holdfast.kernel.caseview.WarrantView;
import io.holdfast.kernel.freezecase.AccountFlagged;
import io.holdfast.kernel.freezecase.AssetsFrozen;
import io.holdfast.kernel.freezecase.AssetsReleased;
import io.holdfast.kernel.freezecase.AssetsTurnedOver;
import io.holdfast.kernel.freezecase.CaseDismissed;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.kernel.freezecase.FreezeRequestRejected;
import io.holdfast.kernel.freezecase.FreezeRequested;
import io.holdfast.kernel.freezecase.WarrantReceived;
import io.holdfast.kernel.freezecase.BlockingReportFiled;
import io.holdfast.kernel.freezecase.BlockingReportOverdue;
import io.holdfast.kernel.freezecase.WarrantExpired;
import io.holdfast.kernel.freezecase.WarrantExtended;
import io.holdfast.query.readmodel.Attention;

import java.time.Instant;
import java.util.ArrayList;
import io.holdfast.kernel.freezecase.SanctionsMatchRecorded;
import io.holdfast.kernel.sanctions.SanctionsMatch;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A case view being built from the case's events, one at a time. The projection and the
 * point-in-time reads use the same fold, so both show a case the same way.
 */
final class CaseViewDraft {

    private CaseId caseId;
    private AccountId accountId;
    private CaseStatus status;
    private long version = -1;
    private FlagReason reason;
    private SanctionsMatch sanctionsMatch;
    private final Set<AgencyCode> agencies = new LinkedHashSet<>();
    private final Map<String, WarrantView> warrants = new LinkedHashMap<>();
    private final Map<String, PendingFreezeRequest> pending = new LinkedHashMap<>();
    private Holdings frozen = Holdings.empty();
    private Holdings released = Holdings.empty();
    private Holdings turnedOver = Holdings.empty();
    private Instant flaggedAt;
    private Instant lastChangedAt;
    private final Set<String> freezingWarrants = new LinkedHashSet<>();
    private final Set<String> expiredWarrants = new LinkedHashSet<>();
    private final Set<String> overdueObligations = new LinkedHashSet<>();

    /** What the view needs to know to keep its attention list, beyond what it shows. */
    record Tracking(Set<String> freezingWarrants, Set<String> expiredWarrants, Set<String> overdueObligations) {
        static Tracking none() {
            return new Tracking(Set.of(), Set.of(), Set.of());
        }
    }

    Tracking tracking() {
        return new Tracking(new LinkedHashSet<>(freezingWarrants), new LinkedHashSet<>(expiredWarrants),
                new LinkedHashSet<>(overdueObligations));
    }

    static CaseViewDraft from(CaseView view, Tracking tracking) {
        CaseViewDraft draft = from(view);
        draft.freezingWarrants.addAll(tracking.freezingWarrants());
        draft.expiredWarrants.addAll(tracking.expiredWarrants());
        draft.overdueObligations.addAll(tracking.overdueObligations());
        return draft;
    }

    static CaseViewDraft from(CaseView view) {
        CaseViewDraft draft = new CaseViewDraft();
        draft.caseId = view.caseId();
        draft.accountId = view.accountId();
        draft.status = view.status();
        draft.version = view.version();
        draft.reason = view.reason();
        draft.sanctionsMatch = view.sanctionsMatch();
        draft.agencies.addAll(view.agencies());
        view.warrants().forEach(warrant -> draft.warrants.put(warrant.warrantId().value(), warrant));
        view.pendingFreezeRequests().forEach(request -> draft.pending.put(request.requestId().value(), request));
        draft.frozen = view.frozen();
        draft.released = view.released();
        draft.turnedOver = view.turnedOver();
        draft.flaggedAt = view.flaggedAt();
        draft.lastChangedAt = view.lastChangedAt();
        return draft;
    }

    boolean hasSeen(long sequence) {
        return sequence <= version;
    }

    boolean exists() {
        return caseId != null;
    }

    void apply(CaseEvent event, long sequence, Instant at) {
        if (event instanceof AccountFlagged flagged) {
            caseId = flagged.caseId();
            accountId = flagged.accountId();
            reason = flagged.reason();
            status = CaseStatus.FLAGGED;
            flaggedAt = at;
            if (reason.agency() != null) {
                agencies.add(reason.agency());
            }
        } else if (event instanceof WarrantReceived received) {
            Warrant warrant = received.warrant();
            warrants.put(warrant.warrantId().value(), new WarrantView(warrant.warrantId(), warrant.orderType(),
                    warrant.requestingAgency(), warrant.referenceNumber(), warrant.issuedAt(), warrant.expiresAt(), false));
            agencies.add(warrant.requestingAgency());
            if (status == CaseStatus.FLAGGED) {
                status = CaseStatus.WARRANT_RECEIVED;
            }
        } else if (event instanceof FreezeRequested requested) {
            pending.put(requested.requestId().value(), new PendingFreezeRequest(requested.requestId(),
                    requested.warrantId(), requested.holdings(), requested.requestedBy().userId(), at));
        } else if (event instanceof AssetsFrozen frozenEvent) {
            pending.remove(frozenEvent.requestId().value());
            frozen = frozenEvent.frozenAfter();
            status = CaseStatus.FROZEN;
        } else if (event instanceof FreezeRequestRejected rejected) {
            pending.remove(rejected.requestId().value());
        } else if (event instanceof AssetsReleased releasedEvent) {
            frozen = releasedEvent.stillFrozen();
            released = released.plus(releasedEvent.holdings());
            if (frozen.isEmpty()) {
                status = CaseStatus.RELEASED;
            }
        } else if (event instanceof AssetsTurnedOver turnedOverEvent) {
            frozen = turnedOverEvent.stillFrozen();
            turnedOver = turnedOver.plus(turnedOverEvent.holdings());
            if (frozen.isEmpty()) {
                status = CaseStatus.TURNED_OVER;
            }
        } else if (event instanceof SanctionsMatchRecorded recorded) {
            sanctionsMatch = recorded.match();
        } else if (event instanceof CaseDismissed) {
            status = CaseStatus.DISMISSED;
        } else if (event instanceof WarrantExtended extended) {
            WarrantView old = warrants.get(extended.warrantId().value());
            if (old != null) {
                warrants.put(old.warrantId().value(), new WarrantView(old.warrantId(), old.orderType(), old.requestingAgency(),
                        old.referenceNumber(), old.issuedAt(), extended.newExpiresAt(), false));
            }
            expiredWarrants.remove(extended.warrantId().value());
        } else if (event instanceof WarrantExpired expired) {
            expiredWarrants.add(expired.warrantId().value());
        } else if (event instanceof BlockingReportOverdue overdue) {
            overdueObligations.add(overdue.obligationId().value());
        } else if (event instanceof BlockingReportFiled filed) {
            overdueObligations.remove(filed.obligationId().value());
        }
        if (event instanceof AssetsFrozen frozenUnder) {
            freezingWarrants.add(frozenUnder.warrantId().value());
        }

        version = sequence;
        lastChangedAt = at;
    }

    CaseView toView() {
        java.util.List<String> attention = Attention.of(!frozen.isEmpty(), freezingWarrants, expiredWarrants,
                overdueObligations);
        return new CaseView(caseId, accountId, status, version, reason, sanctionsMatch, new ArrayList<>(agencies),
                new ArrayList<>(warrants.values()), new ArrayList<>(pending.values()), frozen, released, turnedOver,
                flaggedAt, lastChangedAt, attention);
    }
}

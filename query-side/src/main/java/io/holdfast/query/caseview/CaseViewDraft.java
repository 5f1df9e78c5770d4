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
import io.holdfast.kernel.freezecase.BlockingReportDue;
import io.holdfast.kernel.freezecase.BlockingReportFiled;
import io.holdfast.kernel.freezecase.BlockingReportOverdue;
import io.holdfast.kernel.freezecase.CaseAttention;
import io.holdfast.kernel.freezecase.CaseDismissed;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.kernel.freezecase.CaseEventReader;
import io.holdfast.kernel.freezecase.CaseLifecycle;
import io.holdfast.kernel.freezecase.FreezeRequestRejected;
import io.holdfast.kernel.freezecase.FreezeRequested;
import io.holdfast.kernel.freezecase.NoteAdded;
import io.holdfast.kernel.freezecase.SanctionsMatchRecorded;
import io.holdfast.kernel.freezecase.WarrantExpired;
import io.holdfast.kernel.freezecase.WarrantExpiryApproaching;
import io.holdfast.kernel.freezecase.WarrantExtended;
import io.holdfast.kernel.freezecase.WarrantReceived;
import io.holdfast.kernel.sanctions.SanctionsMatch;
import io.holdfast.query.readmodel.CaseParties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A case view being built from the case's events, one at a time. The projection and the
 * point-in-time reads use the same fold, so both show a case the same way.
 */
final class CaseViewDraft implements CaseEventReader {

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
    /** What the view needs to know to keep its attention list, beyond what it shows. */
    private CaseAttention tracking = CaseAttention.none();
    /** When the event being applied was recorded. */
    private Instant eventAt;

    CaseAttention tracking() {
        return tracking;
    }

    static CaseViewDraft from(CaseView view, CaseAttention tracking) {
        CaseViewDraft draft = from(view);
        draft.tracking = tracking;
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
        view.warrants()
                .forEach(warrant -> draft.warrants.put(warrant.warrantId().value(), warrant));
        view.pendingFreezeRequests()
                .forEach(request -> draft.pending.put(request.requestId().value(), request));
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
        eventAt = at;
        CaseEventReader.read(event, this);
        status = CaseLifecycle.statusAfter(status, event);
        frozen = CaseLifecycle.frozenAfter(frozen, event);
        AgencyCode party = CaseParties.agencyNamedBy(event);
        if (party != null) {
            agencies.add(party);
        }
        tracking = tracking.after(event);
        version = sequence;
        lastChangedAt = at;
    }

    @Override
    public void accountFlagged(AccountFlagged flagged) {
        caseId = flagged.caseId();
        accountId = flagged.accountId();
        reason = flagged.reason();
        flaggedAt = eventAt;
    }

    @Override
    public void warrantReceived(WarrantReceived received) {
        Warrant warrant = received.warrant();
        warrants.put(
                warrant.warrantId().value(),
                new WarrantView(
                        warrant.warrantId(),
                        warrant.orderType(),
                        warrant.requestingAgency(),
                        warrant.referenceNumber(),
                        warrant.issuedAt(),
                        warrant.expiresAt(),
                        false));
    }

    @Override
    public void freezeRequested(FreezeRequested requested) {
        pending.put(
                requested.requestId().value(),
                new PendingFreezeRequest(
                        requested.requestId(),
                        requested.warrantId(),
                        requested.holdings(),
                        requested.requestedBy().userId(),
                        eventAt));
    }

    @Override
    public void assetsFrozen(AssetsFrozen frozenEvent) {
        pending.remove(frozenEvent.requestId().value());
    }

    @Override
    public void freezeRequestRejected(FreezeRequestRejected rejected) {
        pending.remove(rejected.requestId().value());
    }

    @Override
    public void assetsReleased(AssetsReleased releasedEvent) {
        released = released.plus(releasedEvent.holdings());
    }

    @Override
    public void assetsTurnedOver(AssetsTurnedOver turnedOverEvent) {
        turnedOver = turnedOver.plus(turnedOverEvent.holdings());
    }

    @Override
    public void sanctionsMatchRecorded(SanctionsMatchRecorded recorded) {
        sanctionsMatch = recorded.match();
    }

    @Override
    public void warrantExtended(WarrantExtended extended) {
        WarrantView old = warrants.get(extended.warrantId().value());
        if (old != null) {
            warrants.put(
                    old.warrantId().value(),
                    new WarrantView(
                            old.warrantId(),
                            old.orderType(),
                            old.requestingAgency(),
                            old.referenceNumber(),
                            old.issuedAt(),
                            extended.newExpiresAt(),
                            false));
        }
    }

    // status and attention follow from these through the kernel's folds; the view shows nothing more of them
    @Override
    public void caseDismissed(CaseDismissed dismissed) {}

    @Override
    public void noteAdded(NoteAdded note) {}

    @Override
    public void warrantExpiryApproaching(WarrantExpiryApproaching approaching) {}

    @Override
    public void warrantExpired(WarrantExpired expired) {}

    @Override
    public void blockingReportDue(BlockingReportDue due) {}

    @Override
    public void blockingReportFiled(BlockingReportFiled filed) {}

    @Override
    public void blockingReportOverdue(BlockingReportOverdue overdue) {}

    CaseView toView() {
        java.util.List<String> attention = tracking.attention(!frozen.isEmpty());
        return new CaseView(
                caseId,
                accountId,
                status,
                version,
                reason,
                sanctionsMatch,
                new ArrayList<>(agencies),
                new ArrayList<>(warrants.values()),
                new ArrayList<>(pending.values()),
                frozen,
                released,
                turnedOver,
                flaggedAt,
                lastChangedAt,
                attention);
    }
}

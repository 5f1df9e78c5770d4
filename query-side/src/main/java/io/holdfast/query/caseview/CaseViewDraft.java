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
final class CaseViewDraft {

    private CaseId caseId;
    private AccountId accountId;
    private CaseStatus status;
    private long version = -1;
    private FlagReason reason;
    private final Set<AgencyCode> agencies = new LinkedHashSet<>();
    private final Map<String, WarrantView> warrants = new LinkedHashMap<>();
    private final Map<String, PendingFreezeRequest> pending = new LinkedHashMap<>();
    private Holdings frozen = Holdings.empty();
    private Holdings released = Holdings.empty();
    private Holdings turnedOver = Holdings.empty();
    private Instant flaggedAt;
    private Instant lastChangedAt;

    static CaseViewDraft from(CaseView view) {
        CaseViewDraft draft = new CaseViewDraft();
        draft.caseId = view.caseId();
        draft.accountId = view.accountId();
        draft.status = view.status();
        draft.version = view.version();
        draft.reason = view.reason();
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
        } else if (event instanceof CaseDismissed) {
            status = CaseStatus.DISMISSED;
        }
        version = sequence;
        lastChangedAt = at;
    }

    CaseView toView() {
        return new CaseView(caseId, accountId, status, version, reason, new ArrayList<>(agencies),
                new ArrayList<>(warrants.values()), new ArrayList<>(pending.values()), frozen, released, turnedOver,
                flaggedAt, lastChangedAt);
    }
}

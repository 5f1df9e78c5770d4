package io.holdfast.query.casesummary;

import io.holdfast.kernel.CaseStatus;
import io.holdfast.kernel.Holdings;
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
import io.holdfast.query.readmodel.ReadModelJson;
import java.time.Instant;

/** One case's line of the case list while a batch of events is applied to it. */
final class SummaryLine implements CaseEventReader {

    final String caseId;
    final boolean stored;
    String accountId;
    String reasonType;
    Instant flaggedAt;
    CaseStatus status;
    Holdings frozen;
    long version;
    Instant lastChangedAt;
    CaseAttention tracking;
    String attention;
    boolean changed;

    private SummaryLine(String caseId, boolean stored) {
        this.caseId = caseId;
        this.stored = stored;
    }

    static SummaryLine stored(
            String caseId, CaseStatus status, Holdings frozen, long version, CaseAttention tracking, String attention) {
        SummaryLine line = new SummaryLine(caseId, true);
        line.status = status;
        line.frozen = frozen;
        line.version = version;
        line.tracking = tracking;
        line.attention = attention;
        return line;
    }

    static SummaryLine flagged(AccountFlagged flagged, long sequence, Instant at) {
        SummaryLine line = new SummaryLine(flagged.caseId().value(), false);
        line.accountId = flagged.accountId().value();
        line.reasonType = flagged.reason().type().name();
        line.flaggedAt = at;
        line.status = CaseLifecycle.statusAfter(null, flagged);
        line.frozen = Holdings.empty();
        line.version = sequence;
        line.lastChangedAt = at;
        line.tracking = CaseAttention.none();
        line.attention = "[]";
        line.changed = true;
        return line;
    }

    /** Applies an event after the line's version; an event already applied changes nothing. */
    void apply(CaseEvent event, long sequence, Instant at) {
        if (event instanceof AccountFlagged || sequence <= version) {
            return;
        }
        version = sequence;
        lastChangedAt = at;
        changed = true;
        status = CaseLifecycle.statusAfter(status, event);
        CaseEventReader.read(event, this);
        // the attention depends on whether assets are still frozen, which these two change without concerning it
        if (CaseAttention.concerns(event) || event instanceof AssetsReleased || event instanceof AssetsTurnedOver) {
            tracking = tracking.after(event);
            attention = ReadModelJson.write(tracking.attention(!frozen.isEmpty()));
        }
    }

    @Override
    public void assetsFrozen(AssetsFrozen assetsFrozen) {
        frozen = assetsFrozen.frozenAfter();
    }

    @Override
    public void assetsReleased(AssetsReleased released) {
        frozen = released.stillFrozen();
    }

    @Override
    public void assetsTurnedOver(AssetsTurnedOver turnedOver) {
        frozen = turnedOver.stillFrozen();
    }

    // a summary shows status, holdings and attention: the kernel's folds take these events into account
    @Override
    public void accountFlagged(AccountFlagged flagged) {}

    @Override
    public void warrantReceived(WarrantReceived received) {}

    @Override
    public void freezeRequested(FreezeRequested requested) {}

    @Override
    public void freezeRequestRejected(FreezeRequestRejected rejected) {}

    @Override
    public void caseDismissed(CaseDismissed dismissed) {}

    @Override
    public void noteAdded(NoteAdded note) {}

    @Override
    public void warrantExtended(WarrantExtended extended) {}

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

    @Override
    public void sanctionsMatchRecorded(SanctionsMatchRecorded recorded) {}
}

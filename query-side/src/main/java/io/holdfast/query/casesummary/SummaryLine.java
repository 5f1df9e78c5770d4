package io.holdfast.query.casesummary;

import io.holdfast.kernel.CaseStatus;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.freezecase.AccountFlagged;
import io.holdfast.kernel.freezecase.AssetsReleased;
import io.holdfast.kernel.freezecase.AssetsTurnedOver;
import io.holdfast.kernel.freezecase.CaseAttention;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.kernel.freezecase.CaseLifecycle;
import io.holdfast.query.readmodel.ReadModelJson;
import java.time.Instant;

/** One case's line of the case list while a batch of events is applied to it. */
final class SummaryLine {

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
    /** The status as the line was read (null for a new line), to keep the count of cases per status. */
    CaseStatus statusAsStored;
    /** The attention as the line was read, to know whether its rows in case_summary_attention change. */
    private String attentionAsStored = "[]";

    boolean changed;

    private SummaryLine(String caseId, boolean stored) {
        this.caseId = caseId;
        this.stored = stored;
    }

    static SummaryLine stored(
            String caseId, CaseStatus status, Holdings frozen, long version, CaseAttention tracking, String attention) {
        SummaryLine line = new SummaryLine(caseId, true);
        line.status = status;
        line.statusAsStored = status;
        line.frozen = frozen;
        line.version = version;
        line.tracking = tracking;
        line.attention = attention;
        line.attentionAsStored = attention;
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

    boolean attentionChanged() {
        return !attention.equals(attentionAsStored);
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
        frozen = CaseLifecycle.frozenAfter(frozen, event);
        // the attention depends on whether assets are still frozen, which these two change without concerning it
        if (CaseAttention.concerns(event) || event instanceof AssetsReleased || event instanceof AssetsTurnedOver) {
            tracking = tracking.after(event);
            attention = ReadModelJson.write(tracking.attention(!frozen.isEmpty()));
        }
    }
}

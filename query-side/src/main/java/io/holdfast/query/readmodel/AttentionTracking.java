package io.holdfast.query.readmodel;

import io.holdfast.kernel.freezecase.AssetsFrozen;
import io.holdfast.kernel.freezecase.BlockingReportFiled;
import io.holdfast.kernel.freezecase.BlockingReportOverdue;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.kernel.freezecase.WarrantExpired;
import io.holdfast.kernel.freezecase.WarrantExtended;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a read model remembers of a case to tell what needs attention. */
public record AttentionTracking(Set<String> freezingWarrants, Set<String> expiredWarrants, Set<String> overdueObligations) {

    public static AttentionTracking none() {
        return new AttentionTracking(Set.of(), Set.of(), Set.of());
    }

    public static boolean concerns(CaseEvent event) {
        return event instanceof AssetsFrozen || event instanceof WarrantExpired || event instanceof WarrantExtended
                || event instanceof BlockingReportOverdue || event instanceof BlockingReportFiled;
    }

    public AttentionTracking after(CaseEvent event) {
        Set<String> freezing = new LinkedHashSet<>(freezingWarrants);
        Set<String> expired = new LinkedHashSet<>(expiredWarrants);
        Set<String> overdue = new LinkedHashSet<>(overdueObligations);
        if (event instanceof AssetsFrozen frozen) {
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
        return new AttentionTracking(freezing, expired, overdue);
    }

    public List<String> attention(boolean holdsFrozenAssets) {
        return Attention.of(holdsFrozenAssets, freezingWarrants, expiredWarrants, overdueObligations);
    }
}

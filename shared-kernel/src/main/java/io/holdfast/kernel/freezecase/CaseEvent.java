package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.CaseId;

/** Every event a freeze case records. Readers that follow cases handle this one type. */
public sealed interface CaseEvent
        permits AccountFlagged,
                WarrantReceived,
                FreezeRequested,
                AssetsFrozen,
                FreezeRequestRejected,
                AssetsReleased,
                AssetsTurnedOver,
                CaseDismissed,
                NoteAdded,
                WarrantExtended,
                WarrantExpiryApproaching,
                WarrantExpired,
                BlockingReportDue,
                BlockingReportFiled,
                BlockingReportOverdue,
                SanctionsMatchRecorded {

    CaseId caseId();
}

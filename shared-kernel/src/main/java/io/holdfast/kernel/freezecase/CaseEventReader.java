package io.holdfast.kernel.freezecase;

/**
 * Reads every kind of event a case records, one method each. A read model that follows cases
 * implements it, so it says what each kind means to it, even nothing; an event type added to
 * {@link CaseEvent} is a compile error in every reader until each has decided.
 */
public interface CaseEventReader {

    void accountFlagged(AccountFlagged event);

    void warrantReceived(WarrantReceived event);

    void freezeRequested(FreezeRequested event);

    void assetsFrozen(AssetsFrozen event);

    void freezeRequestRejected(FreezeRequestRejected event);

    void assetsReleased(AssetsReleased event);

    void assetsTurnedOver(AssetsTurnedOver event);

    void caseDismissed(CaseDismissed event);

    void noteAdded(NoteAdded event);

    void warrantExtended(WarrantExtended event);

    void warrantExpiryApproaching(WarrantExpiryApproaching event);

    void warrantExpired(WarrantExpired event);

    void blockingReportDue(BlockingReportDue event);

    void blockingReportFiled(BlockingReportFiled event);

    void blockingReportOverdue(BlockingReportOverdue event);

    void sanctionsMatchRecorded(SanctionsMatchRecorded event);

    /** Hands the event to the reader's method for its type. */
    static void read(CaseEvent event, CaseEventReader reader) {
        if (event instanceof AccountFlagged e0) {
            reader.accountFlagged(e0);
        } else if (event instanceof WarrantReceived e1) {
            reader.warrantReceived(e1);
        } else if (event instanceof FreezeRequested e2) {
            reader.freezeRequested(e2);
        } else if (event instanceof AssetsFrozen e3) {
            reader.assetsFrozen(e3);
        } else if (event instanceof FreezeRequestRejected e4) {
            reader.freezeRequestRejected(e4);
        } else if (event instanceof AssetsReleased e5) {
            reader.assetsReleased(e5);
        } else if (event instanceof AssetsTurnedOver e6) {
            reader.assetsTurnedOver(e6);
        } else if (event instanceof CaseDismissed e7) {
            reader.caseDismissed(e7);
        } else if (event instanceof NoteAdded e8) {
            reader.noteAdded(e8);
        } else if (event instanceof WarrantExtended e9) {
            reader.warrantExtended(e9);
        } else if (event instanceof WarrantExpiryApproaching e10) {
            reader.warrantExpiryApproaching(e10);
        } else if (event instanceof WarrantExpired e11) {
            reader.warrantExpired(e11);
        } else if (event instanceof BlockingReportDue e12) {
            reader.blockingReportDue(e12);
        } else if (event instanceof BlockingReportFiled e13) {
            reader.blockingReportFiled(e13);
        } else if (event instanceof BlockingReportOverdue e14) {
            reader.blockingReportOverdue(e14);
        } else if (event instanceof SanctionsMatchRecorded e15) {
            reader.sanctionsMatchRecorded(e15);
        } else {
            throw new IllegalArgumentException(
                    "no reader method for " + event.getClass().getName());
        }
    }
}

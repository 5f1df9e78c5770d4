package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.CaseStatus;
import io.holdfast.kernel.Holdings;

/**
 * The lifecycle's transitions, written once: the status a case has after each event, and what it
 * holds frozen. The case
 * itself and every read model that shows a status fold its events through it, so none can tell a
 * different story.
 */
public final class CaseLifecycle {

    private CaseLifecycle() {}

    /** {@code before} is null for a case that does not exist yet. */
    public static CaseStatus statusAfter(CaseStatus before, CaseEvent event) {
        if (event instanceof AccountFlagged) {
            return CaseStatus.FLAGGED;
        }
        if (event instanceof WarrantReceived) {
            return before == CaseStatus.FLAGGED ? CaseStatus.WARRANT_RECEIVED : before;
        }
        if (event instanceof AssetsFrozen) {
            return CaseStatus.FROZEN;
        }
        if (event instanceof AssetsReleased released) {
            return released.stillFrozen().isEmpty() ? CaseStatus.RELEASED : CaseStatus.FROZEN;
        }
        if (event instanceof AssetsTurnedOver turnedOver) {
            return turnedOver.stillFrozen().isEmpty() ? CaseStatus.TURNED_OVER : CaseStatus.FROZEN;
        }
        if (event instanceof CaseDismissed) {
            return CaseStatus.DISMISSED;
        }
        return before;
    }

    /** What the case holds frozen after an event; each freeze, release and turn-over says it. */
    public static Holdings frozenAfter(Holdings before, CaseEvent event) {
        if (event instanceof AssetsFrozen frozen) {
            return frozen.frozenAfter();
        }
        if (event instanceof AssetsReleased released) {
            return released.stillFrozen();
        }
        if (event instanceof AssetsTurnedOver turnedOver) {
            return turnedOver.stillFrozen();
        }
        return before;
    }
}

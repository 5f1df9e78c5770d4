package io.holdfast.kernel.freezecase;

import static io.holdfast.kernel.CaseStatus.DISMISSED;
import static io.holdfast.kernel.CaseStatus.FLAGGED;
import static io.holdfast.kernel.CaseStatus.FROZEN;
import static io.holdfast.kernel.CaseStatus.RELEASED;
import static io.holdfast.kernel.CaseStatus.TURNED_OVER;
import static io.holdfast.kernel.CaseStatus.WARRANT_RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.kernel.AssetAmount;
import io.holdfast.kernel.CaseStatus;
import io.holdfast.kernel.Holdings;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lifecycle's transitions, as the case and every read model fold them. */
class CaseLifecycleTest {

    private static final Holdings NOTHING = Holdings.empty();
    private static final Holdings SOME = new Holdings(List.of(new AssetAmount("BTC", new BigDecimal("1"))));

    private static AssetsReleased released(Holdings stillFrozen) {
        return new AssetsReleased(null, SOME, null, null, null, stillFrozen);
    }

    private static AssetsTurnedOver turnedOver(Holdings stillFrozen) {
        return new AssetsTurnedOver(null, SOME, null, null, null, stillFrozen);
    }

    @Test
    void aWarrantMovesOnlyAFlaggedCase() {
        WarrantReceived warrant = new WarrantReceived(null, null, null);
        assertThat(CaseLifecycle.statusAfter(FLAGGED, warrant)).isEqualTo(WARRANT_RECEIVED);
        assertThat(CaseLifecycle.statusAfter(FROZEN, warrant)).isEqualTo(FROZEN);
        assertThat(CaseLifecycle.statusAfter(RELEASED, warrant)).isEqualTo(RELEASED);
    }

    @Test
    void aCaseIsReleasedOrTurnedOverOnlyWhenNothingIsLeftFrozen() {
        assertThat(CaseLifecycle.statusAfter(FROZEN, released(SOME))).isEqualTo(FROZEN);
        assertThat(CaseLifecycle.statusAfter(FROZEN, released(NOTHING))).isEqualTo(RELEASED);
        assertThat(CaseLifecycle.statusAfter(FROZEN, turnedOver(SOME))).isEqualTo(FROZEN);
        assertThat(CaseLifecycle.statusAfter(FROZEN, turnedOver(NOTHING))).isEqualTo(TURNED_OVER);
    }

    @Test
    void eventsThatAreNoTransitionLeaveTheStatus() {
        for (CaseStatus status : CaseStatus.values()) {
            assertThat(CaseLifecycle.statusAfter(status, new NoteAdded(null, "x", null)))
                    .isEqualTo(status);
        }
        assertThat(CaseLifecycle.statusAfter(FLAGGED, new CaseDismissed(null, "false positive", null)))
                .isEqualTo(DISMISSED);
    }

    @Test
    void whatIsFrozenIsWhatTheLastFreezeReleaseOrTurnOverLeft() {
        assertThat(CaseLifecycle.frozenAfter(NOTHING, released(SOME))).isEqualTo(SOME);
        assertThat(CaseLifecycle.frozenAfter(SOME, turnedOver(NOTHING))).isEqualTo(NOTHING);
        assertThat(CaseLifecycle.frozenAfter(SOME, new NoteAdded(null, "x", null)))
                .isEqualTo(SOME);
    }
}

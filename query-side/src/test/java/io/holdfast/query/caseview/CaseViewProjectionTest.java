package io.holdfast.query.caseview;

import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseStatus;
import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.Sha256;
import io.holdfast.kernel.WarrantId;
import io.holdfast.kernel.freezecase.BlockingReportOverdue;
import io.holdfast.kernel.freezecase.WarrantExpired;
import io.holdfast.kernel.freezecase.WarrantExtended;
import io.holdfast.kernel.caseview.CaseView;
import io.holdfast.query.ReadModelDatabase;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

import static io.holdfast.query.CaseEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

class CaseViewProjectionTest {

    private final JdbcTemplate jdbc = ReadModelDatabase.fresh();
    private final CaseViewRepository views = new CaseViewRepository(jdbc);
    private final CaseViewProjection projection = new CaseViewProjection(views, SimpleQueryUpdateEmitter.builder().build(), io.holdfast.query.readmodel.ReadModelWrites.direct());
    private final Instant expiry = T0.plusSeconds(90 * 86_400);

    private CaseView view() {
        return views.find(CASE).orElseThrow();
    }

    @Test
    void eventsBuildTheCaseView() {
        projection.on(flagged(CASE, ACCOUNT, null), 0L, T0);
        projection.on(warrant(CASE, "W-1", AgencyCode.of("FBI"), expiry), 1L, T0.plusSeconds(60));
        projection.on(requested(CASE), 2L, T0.plusSeconds(120));

        CaseView requested = view();
        assertThat(requested.status()).isEqualTo(CaseStatus.WARRANT_RECEIVED);
        assertThat(requested.version()).isEqualTo(2);
        assertThat(requested.agencies()).containsExactly(AgencyCode.of("FBI"));
        assertThat(requested.pendingFreezeRequests()).singleElement()
                .satisfies(pending -> assertThat(pending.requestedBy()).isEqualTo("officer"));

        projection.on(frozen(CASE), 3L, T0.plusSeconds(180));
        projection.on(releasedAll(CASE), 4L, T0.plusSeconds(240));

        CaseView released = view();
        assertThat(released.status()).isEqualTo(CaseStatus.RELEASED);
        assertThat(released.pendingFreezeRequests()).isEmpty();
        assertThat(released.frozen()).isEqualTo(Holdings.empty());
        assertThat(released.released()).isEqualTo(FROZEN);
        assertThat(released.flaggedAt()).isEqualTo(T0);
        assertThat(released.lastChangedAt()).isEqualTo(T0.plusSeconds(240));
        assertThat(released.warrants()).singleElement().satisfies(warrant -> assertThat(warrant.expiresAt()).isEqualTo(expiry));
    }

    @Test
    void anEventSeenTwiceChangesNothing() {
        projection.on(flagged(CASE, ACCOUNT, null), 0L, T0);
        projection.on(warrant(CASE, "W-1", AgencyCode.of("FBI"), expiry), 1L, T0.plusSeconds(60));
        projection.on(requested(CASE), 2L, T0.plusSeconds(120));
        projection.on(frozen(CASE), 3L, T0.plusSeconds(180));
        CaseView before = view();

        projection.on(frozen(CASE), 3L, T0.plusSeconds(999));
        projection.on(requested(CASE), 2L, T0.plusSeconds(999));
        projection.on(flagged(CASE, ACCOUNT, null), 0L, T0.plusSeconds(999));

        assertThat(view()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from case_view", Integer.class)).isEqualTo(1);
    }

    @Test
    void assetsHeldOnlyUnderExpiredWarrantsNeedAttentionUntilTheWarrantIsExtended() {
        projection.on(flagged(CASE, ACCOUNT, null), 0L, T0);
        projection.on(warrant(CASE, "W-1", AgencyCode.of("FBI"), expiry), 1L, T0);
        projection.on(requested(CASE), 2L, T0);
        projection.on(frozen(CASE), 3L, T0);
        assertThat(view().attention()).isEmpty();

        projection.on(new WarrantExpired(CASE, WarrantId.of("W-1"), expiry, FROZEN), 4L, expiry);
        assertThat(view().attention()).containsExactly("WARRANT_EXPIRED");

        projection.on(new WarrantExtended(CASE, WarrantId.of("W-1"), expiry, expiry.plusSeconds(86_400), "EXT",
                Sha256.of("e".repeat(64)), SUPERVISOR), 5L, expiry.plusSeconds(60));
        assertThat(view().attention()).isEmpty();
        assertThat(view().warrants().get(0).expiresAt()).isEqualTo(expiry.plusSeconds(86_400));

        projection.on(new BlockingReportOverdue(CASE, FreezeRequestId.of("R-1"), expiry), 6L, expiry.plusSeconds(120));
        assertThat(view().attention()).containsExactly("BLOCKING_REPORT_OVERDUE");
    }

    @Test
    void aReleasedCaseNeedsNoAttentionForItsExpiredWarrant() {
        projection.on(flagged(CASE, ACCOUNT, null), 0L, T0);
        projection.on(warrant(CASE, "W-1", AgencyCode.of("FBI"), expiry), 1L, T0);
        projection.on(requested(CASE), 2L, T0);
        projection.on(frozen(CASE), 3L, T0);
        projection.on(releasedAll(CASE), 4L, T0);
        projection.on(new WarrantExpired(CASE, WarrantId.of("W-1"), expiry, Holdings.empty()), 5L, expiry);
        assertThat(view().attention()).isEmpty();
    }

    @Test
    void aResetEmptiesTheViews() {
        projection.on(flagged(CASE, ACCOUNT, null), 0L, T0);
        projection.reset();
        assertThat(views.find(CASE)).isEmpty();
    }

    @Test
    void aWarrantIsJudgedExpiredAtItsExpiry() {
        projection.on(flagged(CASE, ACCOUNT, null), 0L, T0);
        projection.on(warrant(CASE, "W-1", AgencyCode.of("FBI"), expiry), 1L, T0);
        assertThat(view().judgedAt(expiry.minusSeconds(1)).warrants().get(0).expired()).isFalse();
        assertThat(view().judgedAt(expiry).warrants().get(0).expired()).isTrue();
    }
}

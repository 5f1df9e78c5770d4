package io.holdfast.query.casesummary;

import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.CaseStatus;
import io.holdfast.kernel.caseview.CasePage;
import io.holdfast.kernel.caseview.CaseSummary;
import io.holdfast.kernel.caseview.ListCases;
import io.holdfast.query.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.holdfast.query.CaseEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

class CaseSummaryProjectionTest {

    private static final AgencyCode FBI = AgencyCode.of("FBI");
    private static final AgencyCode HSI = AgencyCode.of("HSI");
    private static final CaseId SECOND = CaseId.of("CASE-2");
    private static final CaseId THIRD = CaseId.of("CASE-3");

    private final JdbcTemplate jdbc = ReadModelDatabase.fresh();
    private final CaseSummaryProjection projection = new CaseSummaryProjection(jdbc, io.holdfast.query.readmodel.ReadModelWrites.direct());
    private final CaseListQueries queries = new CaseListQueries(jdbc);

    @BeforeEach
    void threeCases() {
        projection.on(flagged(CASE, ACCOUNT, null), 0L, T0);
        projection.on(warrant(CASE, "W-1", FBI, T0.plusSeconds(1_000_000)), 1L, T0.plusSeconds(1));
        projection.on(requested(CASE), 2L, T0.plusSeconds(2));
        projection.on(frozen(CASE), 3L, T0.plusSeconds(3));
        projection.on(flagged(SECOND, AccountId.of("ACC-2"), HSI), 0L, T0.plusSeconds(10));
        projection.on(flagged(THIRD, ACCOUNT, null), 0L, T0.plusSeconds(20));
    }

    private CasePage list(ListCases query) {
        return queries.handle(query);
    }

    @Test
    void linesFollowTheCases() {
        CasePage all = list(new ListCases(null, null, null, null, null, 0, 20, null));
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.items()).extracting(CaseSummary::caseId).containsExactly(THIRD, SECOND, CASE);
        CaseSummary first = all.items().get(2);
        assertThat(first.status()).isEqualTo(CaseStatus.FROZEN);
        assertThat(first.frozen()).isEqualTo(FROZEN);
        assertThat(first.version()).isEqualTo(3);
        assertThat(first.agencies()).containsExactly(FBI);
    }

    @Test
    void filtersAndPagesNarrowTheList() {
        assertThat(list(new ListCases(CaseStatus.FROZEN, null, null, null, null, 0, 20, null)).items())
                .extracting(CaseSummary::caseId).containsExactly(CASE);
        assertThat(list(new ListCases(null, HSI, null, null, null, 0, 20, null)).items())
                .extracting(CaseSummary::caseId).containsExactly(SECOND);
        assertThat(list(new ListCases(null, null, ACCOUNT, null, null, 0, 20, null)).items())
                .extracting(CaseSummary::caseId).containsExactly(THIRD, CASE);
        assertThat(list(new ListCases(null, null, null, T0.plusSeconds(5), T0.plusSeconds(15), 0, 20, null)).items())
                .extracting(CaseSummary::caseId).containsExactly(SECOND);
        CasePage secondPage = list(new ListCases(null, null, null, null, null, 1, 2, null));
        assertThat(secondPage.items()).extracting(CaseSummary::caseId).containsExactly(CASE);
        assertThat(secondPage.total()).isEqualTo(3);
    }

    @Test
    void aLiaisonSeesOnlyCasesItsAgencyIsPartyTo() {
        assertThat(list(new ListCases(null, null, null, null, null, 0, 20, FBI)).items())
                .extracting(CaseSummary::caseId).containsExactly(CASE);
        assertThat(list(new ListCases(null, null, null, null, null, 0, 20, HSI)).total()).isEqualTo(1);
    }

    @Test
    void anEventSeenTwiceChangesNothing() {
        CasePage before = list(new ListCases(null, null, null, null, null, 0, 20, null));
        projection.on(flagged(CASE, ACCOUNT, null), 0L, T0.plusSeconds(99));
        projection.on(warrant(CASE, "W-1", FBI, T0.plusSeconds(1_000_000)), 1L, T0.plusSeconds(99));
        projection.on(frozen(CASE), 3L, T0.plusSeconds(99));
        assertThat(list(new ListCases(null, null, null, null, null, 0, 20, null))).isEqualTo(before);
    }

    @Test
    void aFullReleaseReleasesTheLine() {
        projection.on(releasedAll(CASE), 4L, T0.plusSeconds(30));
        assertThat(list(new ListCases(CaseStatus.RELEASED, null, null, null, null, 0, 20, null)).items())
                .extracting(CaseSummary::caseId).containsExactly(CASE);
    }
}

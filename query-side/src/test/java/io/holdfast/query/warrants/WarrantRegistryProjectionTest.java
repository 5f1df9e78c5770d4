package io.holdfast.query.warrants;

import static io.holdfast.query.CaseEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.caseview.ListWarrants;
import io.holdfast.kernel.caseview.RegisteredWarrant;
import io.holdfast.kernel.caseview.WarrantPage;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.query.ReadModelDatabase;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class WarrantRegistryProjectionTest {

    private static final AgencyCode FBI = AgencyCode.of("FBI");
    private static final AgencyCode HSI = AgencyCode.of("HSI");
    private static final CaseId SECOND = CaseId.of("CASE-2");
    private static final Instant SOON = Instant.now().plusSeconds(86_400);
    private static final Instant LATER = Instant.now().plusSeconds(30 * 86_400);

    private final JdbcTemplate jdbc = ReadModelDatabase.fresh();
    private final WarrantRegistryProjection projection =
            new WarrantRegistryProjection(jdbc, io.holdfast.query.performance.ReadModelWrites.direct());
    private final WarrantRegistryQueries queries = new WarrantRegistryQueries(jdbc);

    @BeforeEach
    void warrants() {
        on(flagged(CASE, ACCOUNT, null));
        on(warrant(CASE, "W-1", FBI, LATER));
        on(flagged(SECOND, ACCOUNT, HSI));
        on(warrant(SECOND, "W-1", HSI, SOON));
    }

    private WarrantPage list(ListWarrants query) {
        return queries.handle(query);
    }

    @Test
    void theRegistryListsEveryWarrantSoonestExpiryFirst() {
        WarrantPage all = list(new ListWarrants(null, null, 0, 20, null));
        assertThat(all.items()).extracting(RegisteredWarrant::caseId).containsExactly(SECOND, CASE);
        assertThat(all.items().get(0).expired()).isFalse();
        assertThat(list(new ListWarrants(SOON.plusSeconds(1), null, 0, 20, null))
                        .items())
                .extracting(RegisteredWarrant::caseId)
                .containsExactly(SECOND);
        assertThat(list(new ListWarrants(null, FBI, 0, 20, null)).items())
                .extracting(RegisteredWarrant::caseId)
                .containsExactly(CASE);
    }

    @Test
    void aLiaisonSeesTheWarrantsOfItsAgencysCases() {
        assertThat(list(new ListWarrants(null, null, 0, 20, HSI)).items())
                .extracting(RegisteredWarrant::caseId)
                .containsExactly(SECOND);
    }

    @Test
    void anEventSeenTwiceChangesNothing() {
        on(warrant(CASE, "W-1", FBI, LATER));
        on(flagged(SECOND, ACCOUNT, HSI));
        assertThat(list(new ListWarrants(null, null, 0, 20, null)).total()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from warrant_case_party", Integer.class))
                .isEqualTo(2);
    }

    private void on(CaseEvent event) {
        projection.on(event, tracked(event, 0, T0, 0));
    }
}

package io.holdfast.query.obligations;

import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.WarrantId;
import io.holdfast.kernel.caseview.ListObligations;
import io.holdfast.kernel.caseview.Obligation;
import io.holdfast.kernel.caseview.ObligationStatus;
import io.holdfast.kernel.freezecase.BlockingReportDue;
import io.holdfast.kernel.freezecase.BlockingReportFiled;
import io.holdfast.kernel.freezecase.BlockingReportOverdue;
import io.holdfast.query.ReadModelDatabase;
import io.holdfast.query.readmodel.ReadModelWrites;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

import static io.holdfast.query.CaseEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

class ObligationsProjectionTest {

    private static final FreezeRequestId R1 = FreezeRequestId.of("R-1");
    private static final Instant DUE = T0.plusSeconds(14 * 86_400);

    private final JdbcTemplate jdbc = ReadModelDatabase.fresh();
    private final ObligationsProjection projection = new ObligationsProjection(jdbc, ReadModelWrites.direct());
    private final ObligationQueries queries = new ObligationQueries(jdbc);

    private Obligation only(ObligationStatus status) {
        return queries.handle(new ListObligations(status, null, 0, 20, null)).items().get(0);
    }

    @Test
    void anObligationIsOpenedThenOverdueThenFiledLate() {
        projection.on(flagged(CASE, ACCOUNT, AgencyCode.of("FBI")));
        projection.on(new BlockingReportDue(CASE, R1, WarrantId.of("W-1"), T0, DUE));
        assertThat(only(ObligationStatus.OPEN).dueAt()).isEqualTo(DUE);

        projection.on(new BlockingReportOverdue(CASE, R1, DUE));
        assertThat(only(ObligationStatus.OVERDUE).obligationId()).isEqualTo("R-1");

        projection.on(new BlockingReportFiled(CASE, R1, "OFAC-BR-7", DUE.plusSeconds(3_600), OFFICER));
        Obligation filed = only(ObligationStatus.FILED);
        assertThat(filed.reportReference()).isEqualTo("OFAC-BR-7");
        assertThat(filed.filedLate()).isTrue();
    }

    @Test
    void eventsSeenTwiceChangeNothingAndStatusOnlyMovesForward() {
        projection.on(new BlockingReportDue(CASE, R1, WarrantId.of("W-1"), T0, DUE));
        projection.on(new BlockingReportFiled(CASE, R1, "OFAC-BR-1", T0.plusSeconds(60), OFFICER));
        projection.on(new BlockingReportDue(CASE, R1, WarrantId.of("W-1"), T0, DUE));
        projection.on(new BlockingReportOverdue(CASE, R1, DUE));
        projection.on(new BlockingReportFiled(CASE, R1, "OFAC-BR-2", T0.plusSeconds(120), OFFICER));
        assertThat(queries.handle(new ListObligations(null, null, 0, 20, null)).total()).isEqualTo(1);
        Obligation filed = only(ObligationStatus.FILED);
        assertThat(filed.reportReference()).isEqualTo("OFAC-BR-1");
        assertThat(filed.filedLate()).isFalse();
    }

    @Test
    void aLiaisonSeesOnlyItsAgencysObligations() {
        projection.on(flagged(CASE, ACCOUNT, AgencyCode.of("FBI")));
        projection.on(new BlockingReportDue(CASE, R1, WarrantId.of("W-1"), T0, DUE));
        assertThat(queries.handle(new ListObligations(null, null, 0, 20, AgencyCode.of("FBI"))).total()).isEqualTo(1);
        assertThat(queries.handle(new ListObligations(null, null, 0, 20, AgencyCode.of("HSI"))).total()).isZero();
        assertThat(queries.handle(new ListObligations(null, DUE, 0, 20, null)).total()).isZero();
        assertThat(queries.handle(new ListObligations(null, DUE.plusSeconds(1), 0, 20, null)).total()).isEqualTo(1);
    }
}

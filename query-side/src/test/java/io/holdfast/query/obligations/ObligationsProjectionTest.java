package io.holdfast.query.obligations;

import static io.holdfast.query.CaseEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.WarrantId;
import io.holdfast.kernel.caseview.ListObligations;
import io.holdfast.kernel.caseview.Obligation;
import io.holdfast.kernel.caseview.ObligationStatus;
import io.holdfast.kernel.freezecase.BlockingReportDue;
import io.holdfast.kernel.freezecase.BlockingReportFiled;
import io.holdfast.kernel.freezecase.BlockingReportOverdue;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.query.ProcessorBatch;
import io.holdfast.query.ReadModelDatabase;
import io.holdfast.query.performance.ReadModelWrites;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class ObligationsProjectionTest {

    private static final FreezeRequestId R1 = FreezeRequestId.of("R-1");
    private static final Instant DUE = T0.plusSeconds(14 * 86_400);

    private final JdbcTemplate jdbc = ReadModelDatabase.fresh();
    private final ObligationsProjection projection = new ObligationsProjection(jdbc, ReadModelWrites.direct());
    private final ObligationQueries queries = new ObligationQueries(jdbc);

    private Obligation only(ObligationStatus status) {
        return queries.handle(new ListObligations(status, null, 0, 20, null))
                .items()
                .get(0);
    }

    @Test
    void anObligationIsOpenedThenOverdueThenFiledLate() {
        on(flagged(CASE, ACCOUNT, AgencyCode.of("FBI")));
        on(new BlockingReportDue(CASE, R1, WarrantId.of("W-1"), T0, DUE));
        assertThat(only(ObligationStatus.OPEN).dueAt()).isEqualTo(DUE);

        on(new BlockingReportOverdue(CASE, R1, DUE));
        assertThat(only(ObligationStatus.OVERDUE).obligationId()).isEqualTo("R-1");

        on(new BlockingReportFiled(CASE, R1, "OFAC-BR-7", DUE.plusSeconds(3_600), OFFICER));
        Obligation filed = only(ObligationStatus.FILED);
        assertThat(filed.reportReference()).isEqualTo("OFAC-BR-7");
        assertThat(filed.filedLate()).isTrue();
    }

    @Test
    void eventsSeenTwiceChangeNothingAndStatusOnlyMovesForward() {
        on(new BlockingReportDue(CASE, R1, WarrantId.of("W-1"), T0, DUE));
        on(new BlockingReportFiled(CASE, R1, "OFAC-BR-1", T0.plusSeconds(60), OFFICER));
        on(new BlockingReportDue(CASE, R1, WarrantId.of("W-1"), T0, DUE));
        on(new BlockingReportOverdue(CASE, R1, DUE));
        on(new BlockingReportFiled(CASE, R1, "OFAC-BR-2", T0.plusSeconds(120), OFFICER));
        assertThat(queries.handle(new ListObligations(null, null, 0, 20, null)).total())
                .isEqualTo(1);
        Obligation filed = only(ObligationStatus.FILED);
        assertThat(filed.reportReference()).isEqualTo("OFAC-BR-1");
        assertThat(filed.filedLate()).isFalse();
    }

    @Test
    void aLiaisonSeesOnlyItsAgencysObligations() {
        on(flagged(CASE, ACCOUNT, AgencyCode.of("FBI")));
        on(new BlockingReportDue(CASE, R1, WarrantId.of("W-1"), T0, DUE));
        assertThat(queries.handle(new ListObligations(null, null, 0, 20, AgencyCode.of("FBI")))
                        .total())
                .isEqualTo(1);
        assertThat(queries.handle(new ListObligations(null, null, 0, 20, AgencyCode.of("HSI")))
                        .total())
                .isZero();
        assertThat(queries.handle(new ListObligations(null, DUE, 0, 20, null)).total())
                .isZero();
        assertThat(queries.handle(new ListObligations(null, DUE.plusSeconds(1), 0, 20, null))
                        .total())
                .isEqualTo(1);
    }

    @Test
    void aProcessorBatchEndsWithTheSameObligationsAsOneEventAtATime() {
        FreezeRequestId r2 = FreezeRequestId.of("R-2");
        List<TrackedEventMessage<CaseEvent>> batch = List.of(
                tracked(flagged(CASE, ACCOUNT, AgencyCode.of("FBI")), 0L, T0, 1),
                tracked(new BlockingReportDue(CASE, R1, WarrantId.of("W-1"), T0, DUE), 1L, T0, 2),
                tracked(new BlockingReportDue(CASE, r2, WarrantId.of("W-1"), T0, DUE), 2L, T0, 3),
                tracked(new BlockingReportFiled(CASE, r2, "OFAC-BR-2", T0.plusSeconds(60), OFFICER), 3L, T0, 4),
                tracked(new BlockingReportOverdue(CASE, R1, DUE), 4L, DUE, 5),
                tracked(new BlockingReportOverdue(CASE, r2, DUE), 5L, DUE, 6),
                tracked(new BlockingReportFiled(CASE, R1, "OFAC-BR-1", DUE.plusSeconds(60), OFFICER), 6L, DUE, 7));
        JdbcTemplate oneByOneDatabase = ReadModelDatabase.fresh();
        ObligationsProjection oneByOne = new ObligationsProjection(oneByOneDatabase, ReadModelWrites.direct());
        batch.forEach(message -> oneByOne.on((CaseEvent) message.getPayload(), message));

        assertThat(ProcessorBatch.handle(
                                jdbc, batch, message -> projection.on((CaseEvent) message.getPayload(), message))
                        .isExceptional())
                .isFalse();

        ListObligations all = new ListObligations(null, null, 0, 20, null);
        assertThat(queries.handle(all)).isEqualTo(new ObligationQueries(oneByOneDatabase).handle(all));
        assertThat(queries.handle(all).items()).extracting(Obligation::status).containsOnly(ObligationStatus.FILED);
        assertThat(queries.handle(all).items())
                .extracting(Obligation::reportReference)
                .containsExactlyInAnyOrder("OFAC-BR-1", "OFAC-BR-2");
        assertThat(queries.handle(new ListObligations(null, null, 0, 20, AgencyCode.of("FBI")))
                        .total())
                .isEqualTo(2);
    }

    private void on(CaseEvent event) {
        projection.on(event, tracked(event, 0, T0, 0));
    }
}

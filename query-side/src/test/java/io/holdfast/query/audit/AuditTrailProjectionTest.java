package io.holdfast.query.audit;

import static io.holdfast.query.CaseEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.audit.AuditEntry;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.query.ProcessorBatch;
import io.holdfast.query.ReadModelDatabase;
import io.holdfast.query.performance.ReadModelWrites;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class AuditTrailProjectionTest {

    private static final CaseId OTHER = CaseId.of("CASE-2");
    private static final Serializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .build())
            .defaultTyping()
            .build();

    private final JdbcTemplate jdbc = ReadModelDatabase.fresh();
    private final AuditRepository audit = new AuditRepository(jdbc);
    private final AuditTrailProjection projection = new AuditTrailProjection(
            audit, SERIALIZER, ReadModelWrites.inSavepoints(jdbc.getDataSource()), event -> {});

    private final List<TrackedEventMessage<CaseEvent>> first = List.of(
            tracked(flagged(CASE, ACCOUNT, AgencyCode.of("FBI")), 0L, T0, 1),
            tracked(flagged(OTHER, ACCOUNT, null), 0L, T0, 2),
            tracked(warrant(CASE, "W-1", AgencyCode.of("HSI"), T0.plusSeconds(86_400)), 1L, T0, 3));
    private final List<TrackedEventMessage<CaseEvent>> second = List.of(
            first.get(2),
            tracked(requested(CASE), 2L, T0, 4),
            tracked(warrant(OTHER, "W-2", AgencyCode.of("FBI"), T0.plusSeconds(86_400)), 1L, T0, 5),
            tracked(frozen(CASE), 3L, T0, 6));

    @Test
    void theRowsOfABatchChainToEachOtherAndToTheRowsOfEarlierBatches() {
        assertThat(ProcessorBatch.handle(jdbc, first, this::handle).isExceptional())
                .isFalse();
        assertThat(ProcessorBatch.handle(jdbc, second, this::handle).isExceptional())
                .isFalse();

        List<AuditEntry> rows = audit.history(CASE.value());
        assertThat(rows).extracting(AuditEntry::sequence).containsExactly(0L, 1L, 2L, 3L);
        assertThat(rows).extracting(AuditEntry::globalIndex).containsExactly(1L, 3L, 4L, 6L);
        String previous = AuditChain.GENESIS;
        for (AuditEntry row : rows) {
            assertThat(row.previousHash()).isEqualTo(previous);
            assertThat(AuditChain.hash(previous, row)).isEqualTo(row.hash());
            previous = row.hash();
        }
        assertThat(audit.history(OTHER.value()))
                .extracting(AuditEntry::sequence)
                .containsExactly(0L, 1L);
        assertThat(audit.isVisible(CASE.value(), AgencyCode.of("HSI"))).isTrue();
        assertThat(audit.isVisible(OTHER.value(), AgencyCode.of("FBI"))).isTrue();
        assertThat(audit.isVisible(OTHER.value(), AgencyCode.of("HSI"))).isFalse();
    }

    @Test
    void batchesWriteTheSameTrailAsOneEventAtATime() {
        ProcessorBatch.handle(jdbc, first, this::handle);
        ProcessorBatch.handle(jdbc, second, this::handle);

        JdbcTemplate aloneDatabase = ReadModelDatabase.fresh();
        AuditRepository aloneAudit = new AuditRepository(aloneDatabase);
        AuditTrailProjection alone =
                new AuditTrailProjection(aloneAudit, SERIALIZER, ReadModelWrites.direct(), event -> {});
        first.forEach(message -> alone.on((DomainEventMessage<?>) message));
        second.forEach(message -> alone.on((DomainEventMessage<?>) message));

        assertThat(audit.history(CASE.value()))
                .isEqualTo(aloneAudit.history(CASE.value()))
                .hasSize(4);
        assertThat(audit.history(OTHER.value()))
                .isEqualTo(aloneAudit.history(OTHER.value()))
                .hasSize(2);
    }

    @Test
    void eachRowNamesWhoRecordedTheEventAndKeepsTheMetadataAsStored() {
        MetaData request = MetaData.from(java.util.Map.of(
                "actor",
                "liaison-fbi",
                "role",
                "LIAISON",
                "agency",
                "FBI",
                "correlationId",
                "corr-7",
                "idempotencyKey",
                "key-1"));
        TrackedEventMessage<?> flaggedByLiaison = new GenericTrackedDomainEventMessage<>(
                new GlobalSequenceTrackingToken(9),
                new GenericDomainEventMessage<>(
                        "AccountFlagged",
                        CASE.value(),
                        0L,
                        flagged(CASE, ACCOUNT, AgencyCode.of("FBI")),
                        request,
                        "event-9",
                        T0));
        TrackedEventMessage<?> noMetadata = tracked(requested(CASE), 1L, T0, 10);

        assertThat(ProcessorBatch.handle(jdbc, List.of(flaggedByLiaison, noMetadata), this::handle)
                        .isExceptional())
                .isFalse();

        List<AuditEntry> rows = audit.history(CASE.value());
        assertThat(rows)
                .extracting(AuditEntry::actor, AuditEntry::role, AuditEntry::agency, AuditEntry::correlationId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("liaison-fbi", "LIAISON", "FBI", "corr-7"),
                        org.assertj.core.groups.Tuple.tuple(null, null, null, null));
        MetaData stored = SERIALIZER.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                rows.get(0).metadata(), String.class, MetaData.class.getName(), null));
        assertThat(stored).isEqualTo(request);
        assertThat(rows.get(1).hash()).isEqualTo(AuditChain.hash(rows.get(0).hash(), rows.get(1)));
    }

    private void handle(EventMessage<?> message) {
        projection.on((DomainEventMessage<?>) message);
    }
}

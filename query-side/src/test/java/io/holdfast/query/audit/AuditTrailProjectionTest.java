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
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

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

    @Test
    void theTrailsTotalOverAnyRangeIsItsCountOfEntriesAndEveryPageIsTheOrderedTrailsSlice() {
        // 40 cases, one event each, 17 minutes apart: four days' worth of hours, some empty
        List<TrackedEventMessage<?>> events = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            CaseId caseId = CaseId.of("CASE-H-" + i);
            events.add(tracked(flagged(caseId, ACCOUNT, null), 0L, T0.plusSeconds(17 * 60L * i), 100 + i));
        }
        for (int from = 0; from < events.size(); from += 7) {
            ProcessorBatch.handle(jdbc, events.subList(from, Math.min(events.size(), from + 7)), this::handle);
        }
        java.time.Instant[] ends = {
            null,
            T0.minusSeconds(1),
            T0,
            T0.plusSeconds(1800),
            T0.plusSeconds(3600),
            T0.plusSeconds(3 * 3600 + 59),
            T0.plusSeconds(3 * 3600 + 600),
            T0.plusSeconds(5 * 3600),
            T0.plusSeconds(11 * 3600 + 1)
        };
        for (java.time.Instant from : ends) {
            for (java.time.Instant to : ends) {
                long expected = events.stream()
                        .map(EventMessage::getTimestamp)
                        .filter(time -> (from == null || !time.isBefore(from)) && (to == null || time.isBefore(to)))
                        .count();
                assertThat(audit.count(from, to))
                        .as("entries from %s to %s", from, to)
                        .isEqualTo(expected);
            }
        }
        List<Long> trail = java.util.stream.LongStream.range(100, 140).boxed().toList();
        for (int size : new int[] {1, 3, 7, 40, 50}) {
            long total = audit.count(null, null);
            List<Long> read = new java.util.ArrayList<>();
            for (int page = 0; page * size < total; page++) {
                List<Long> indexes = audit.page(null, null, page, size, total).stream()
                        .map(AuditEntry::globalIndex)
                        .toList();
                assertThat(indexes).as("page %d of size %d", page, size).hasSize((int)
                        Math.min(size, total - (long) page * size));
                read.addAll(indexes);
            }
            assertThat(read).as("every page of size %d", size).isEqualTo(trail);
            assertThat(audit.page(null, null, (int) (total / size) + 1, size, total))
                    .isEmpty();
        }
        audit.truncate();
        assertThat(audit.count(null, null)).isZero();
        assertThat(audit.count(T0, T0.plusSeconds(36_000))).isZero();
    }

    @Test
    void anEventWhoseStoredIndexCannotBeReadWaitsForTheNextTryInsteadOfTakingItsTokensPosition() {
        JdbcTemplate storeAway = new JdbcTemplate(jdbc.getDataSource()) {
            @Override
            public void query(String sql, RowCallbackHandler rows, Object... arguments) {
                if (sql.contains("domain_event_entry")) {
                    throw new DataAccessResourceFailureException("the database has been closed");
                }
                super.query(sql, rows, arguments);
            }
        };
        AuditTrailProjection whileTheStoreIsAway = new AuditTrailProjection(
                new AuditRepository(storeAway),
                SERIALIZER,
                ReadModelWrites.inSavepoints(jdbc.getDataSource()),
                event -> {});

        assertThat(ProcessorBatch.handle(
                                jdbc, first, message -> whileTheStoreIsAway.on((DomainEventMessage<?>) message))
                        .isExceptional())
                .isTrue();
        assertThat(audit.count(null, null)).isZero();
    }

    @Test
    void anEventFillingAGapIsAuditedAtItsOwnIndexNeverAtTheHighestIndexSeen() {
        jdbc.execute("create table domain_event_entry (event_identifier varchar(255), global_index bigint)");
        TrackedEventMessage<CaseEvent> late = gapFilling(flagged(CASE, ACCOUNT, null), 0L, 3L, 7L);
        jdbc.update("insert into domain_event_entry values (?, ?)", late.getIdentifier(), 3L);

        assertThat(ProcessorBatch.handle(jdbc, List.of(late), this::handle).isExceptional())
                .isFalse();

        assertThat(audit.history(CASE.value()))
                .extracting(AuditEntry::globalIndex)
                .containsExactly(3L);
    }

    @Test
    void anEventFillingAGapThatTheStoreDoesNotNameIsNotAuditedAtTheHighestIndexSeen() {
        jdbc.execute("create table domain_event_entry (event_identifier varchar(255), global_index bigint)");
        TrackedEventMessage<CaseEvent> late = gapFilling(flagged(CASE, ACCOUNT, null), 0L, 3L, 7L);

        assertThat(ProcessorBatch.handle(jdbc, List.of(late), this::handle).isExceptional())
                .isTrue();
        assertThat(audit.count(null, null)).isZero();
    }

    /** An event the processor sees after later ones: its token's position is the highest index seen. */
    private static TrackedEventMessage<CaseEvent> gapFilling(CaseEvent event, long sequence, long index, long highest) {
        TrackedEventMessage<CaseEvent> plain = tracked(event, sequence, T0, index);
        return new GenericTrackedDomainEventMessage<>(
                GapAwareTrackingToken.newInstance(highest, java.util.Set.of()), (DomainEventMessage<CaseEvent>) plain);
    }

    private void handle(EventMessage<?> message) {
        projection.on((DomainEventMessage<?>) message);
    }
}

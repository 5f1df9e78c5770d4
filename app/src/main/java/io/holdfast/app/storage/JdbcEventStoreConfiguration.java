package io.holdfast.app.storage;

import io.holdfast.app.performance.TrackedEventsWithGaps;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's JDBC storage engine on the same tables, chosen with {@code holdfast.event-store.engine=jdbc}
 * (the default; {@code jpa} selects Axon's JPA engine; docs/deployment.md and BENCHMARKS.md have the measurements).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "holdfast.event-store.engine", havingValue = "jdbc")
public class JdbcEventStoreConfiguration {

    static EventSchema holdfastSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * {@code readBatch}: events fetched per query when a projection reads the stream. Axon's default of 100 makes a
     * replay of a million events 10,000 queries per reading thread.
     * <p>
     * A case's events are read by ranges of sequence numbers, and Axon's JDBC engine asks again until a range comes
     * back empty: every case loaded from the store cost a second query that found nothing. A case's sequence numbers
     * have no holes (each event takes the next one, under the store's unique key, and none is ever deleted), so a
     * range that comes back short is the end of the case.
     */
    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            DataSource dataSource,
            TransactionManager transactionManager,
            List<EventUpcaster> upcasters,
            EventStoreSettings settings,
            org.axonframework.config.Configuration axon) {
        return eventStorageEngine(
                serializer,
                eventSerializer,
                dataSource,
                transactionManager,
                upcasters,
                settings,
                axon.snapshotFilter());
    }

    /** {@code snapshots}: each aggregate's snapshots of another {@code @Revision} are passed over, its events read instead. */
    EventStorageEngine eventStorageEngine(
            Serializer serializer,
            Serializer eventSerializer,
            DataSource dataSource,
            TransactionManager transactionManager,
            List<EventUpcaster> upcasters,
            EventStoreSettings settings,
            SnapshotFilter snapshots) {
        int readBatch = settings.readBatch();
        PersistenceExceptionResolver duplicates = new SQLStateResolver();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(transactionManager)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(new EventUpcasterChain(upcasters))
                .snapshotFilter(snapshots)
                .persistenceExceptionResolver(duplicates)
                .schema(holdfastSchema())
                .batchSize(readBatch)
                .finalAggregateBatchPredicate(events -> events.size() < readBatch)
                .readEventDataWithGaps(new TrackedEventsWithGaps())
                .build();
    }
}

package io.holdfast.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A case's events read from the store as configured: every event, and no query that can only come back empty. */
class CaseEventsReadTest {

    private static final int READ_BATCH = 100;

    private final AtomicInteger caseReads = new AtomicInteger();
    private final EventStorageEngine store = new JdbcEventStoreConfiguration()
            .eventStorageEngine(
                    JacksonSerializer.defaultSerializer(),
                    JacksonSerializer.defaultSerializer(),
                    countingCaseReads(migrated()),
                    NoTransactionManager.INSTANCE,
                    java.util.List.of(),
                    new EventStoreSettings("jdbc", READ_BATCH),
                    SnapshotFilter.allowAll());

    @ParameterizedTest(name = "{0} events: {1} queries")
    @CsvSource({"3, 1", "99, 1", "100, 2", "101, 2", "250, 3"})
    void aCaseIsReadWholeWithOneQueryPerBatchOfEvents(int events, int queries) {
        store.appendEvents(LongStream.range(0, events)
                .mapToObj(sequence -> (DomainEventMessage<?>)
                        new GenericDomainEventMessage<>("FreezeCase", "case-1", sequence, "note " + sequence))
                .toList());
        caseReads.set(0);

        List<Long> read = store.readEvents("case-1", 0)
                .asStream()
                .map(DomainEventMessage::getSequenceNumber)
                .toList();

        assertThat(read)
                .containsExactlyElementsOf(LongStream.range(0, events).boxed().toList());
        assertThat(caseReads.get()).isEqualTo(queries);
    }

    private static DataSource migrated() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure()
                .dataSource(h2)
                .locations("classpath:db/migration/h2")
                .load()
                .migrate();
        return h2;
    }

    /** The data source, counting the statements that read one case's events. */
    private DataSource countingCaseReads(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = method.invoke(dataSource, args);
                    return result instanceof Connection connection ? counting(connection) : result;
                });
    }

    private Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")
                            && args[0] instanceof String sql
                            && sql.contains("FROM domain_event_entry WHERE aggregate_identifier")) {
                        caseReads.incrementAndGet();
                    }
                    return method.invoke(connection, args);
                });
    }
}

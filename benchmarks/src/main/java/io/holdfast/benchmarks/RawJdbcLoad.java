package io.holdfast.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The physical limit: what one command does to the database and nothing else. Per command, in one
 * transaction: read the case's events in order, append one event row of the size Holdfast's events
 * have, commit (durably: synchronous_commit on). Same table shape and same number of clients.
 */
final class RawJdbcLoad {

    record Result(double seconds, long commands) {
        double commandsPerSecond() {
            return commands / seconds;
        }
    }

    private final DataSource dataSource;
    private final Store store;
    private final byte[] payload;
    private final byte[] metaData;

    RawJdbcLoad(DataSource dataSource, Store store, int payloadBytes, int metaDataBytes) throws SQLException {
        this.dataSource = dataSource;
        this.store = store;
        this.payload = filler(payloadBytes);
        this.metaData = filler(metaDataBytes);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            String bytes = store == Store.POSTGRES ? "bytea" : "blob";
            statement.execute("create sequence if not exists raw_event_seq start with 1 increment by 1");
            statement.execute("""
                    create table if not exists raw_event (
                        global_index bigint not null primary key,
                        aggregate_identifier varchar(255) not null,
                        sequence_number bigint not null,
                        type varchar(255),
                        event_identifier varchar(255) not null unique,
                        payload_type varchar(255) not null,
                        payload_revision varchar(255),
                        payload %s not null,
                        meta_data %s,
                        time_stamp varchar(255) not null,
                        unique (aggregate_identifier, sequence_number))""".formatted(bytes, bytes));
        }
    }

    Result run(String runId, int clients, Duration warmUp, Duration measured) throws Exception {
        long windowStart = System.nanoTime() + warmUp.toNanos();
        long windowEnd = windowStart + measured.toNanos();
        AtomicLong commands = new AtomicLong();
        String insert =
                "insert into raw_event (global_index, aggregate_identifier, sequence_number, type, event_identifier,"
                        + " payload_type, payload_revision, payload, meta_data, time_stamp) values ("
                        + (store == Store.POSTGRES ? "nextval('raw_event_seq')" : "next value for raw_event_seq")
                        + ", ?, ?, 'FreezeCase', ?, 'io.holdfast.kernel.freezecase.SomethingHappened', null, ?, ?, ?)";
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            work.add(pool.submit(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    try (PreparedStatement read = connection.prepareStatement(
                                    "select sequence_number, payload, meta_data from raw_event where aggregate_identifier = ? order by sequence_number");
                            PreparedStatement append = connection.prepareStatement(insert)) {
                        for (int n = 0; System.nanoTime() < windowEnd; n++) {
                            String caseId = runId + "-" + client + "-" + n;
                            for (int command = 0; command < LifecycleLoad.WRITES.size(); command++) {
                                long next = readEvents(read, caseId);
                                append.setString(1, caseId);
                                append.setLong(2, next);
                                append.setString(3, UUID.randomUUID().toString());
                                append.setBytes(4, payload);
                                append.setBytes(5, metaData);
                                append.setString(6, Instant.now().toString());
                                append.executeUpdate();
                                connection.commit();
                                long now = System.nanoTime();
                                if (now >= windowStart && now <= windowEnd) {
                                    commands.incrementAndGet();
                                }
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : work) {
            future.get();
        }
        pool.shutdown();
        return new Result(measured.toNanos() / 1e9, commands.get());
    }

    private static long readEvents(PreparedStatement read, String caseId) throws SQLException {
        read.setString(1, caseId);
        long next = 0;
        try (ResultSet events = read.executeQuery()) {
            while (events.next()) {
                next = events.getLong(1) + 1;
                events.getBytes(2);
                events.getBytes(3);
            }
        }
        return next;
    }

    private static byte[] filler(int size) {
        byte[] bytes = new byte[Math.max(size, 1)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }
}

package io.holdfast.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilding each projection from a large event store (PostgreSQL): Holdfast against a raw replay
 * loop and the naive configuration. The events are generated once, directly in the event store, by
 * copying real case histories (written by Holdfast over HTTP) under new case and account ids.
 */
final class ReplayBenchmark {

    private static final String DATABASE = "replay";
    private static final Map<String, List<String>> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("case-views", List.of("case_view"));
        TABLES.put("case-summaries", List.of("case_summary", "case_summary_agency"));
        TABLES.put("account-holdings", List.of("account_holding"));
        TABLES.put("warrant-registry", List.of("registered_warrant", "warrant_case_party"));
        TABLES.put("audit-trail", List.of("audit_entry", "audit_case_party"));
        TABLES.put("obligations", List.of("blocking_obligation", "obligation_case_party"));
    }

    private final Deployment deployment;
    private final Tokens tokens;
    private final Report report;
    private final int events;
    private final List<String> projections;

    /** {@code projections}: the ones whose rebuild is measured (all of them unless a run asks for fewer). */
    ReplayBenchmark(Deployment deployment, Tokens tokens, Report report, int events, List<String> projections) {
        this.deployment = deployment;
        this.tokens = tokens;
        this.report = report;
        this.events = events;
        this.projections = projections;
    }

    void run() throws Exception {
        try (HoldfastProcess holdfast = deployment.startHoldfast(DATABASE, Variant.HOLDFAST)) {
            new LifecycleLoad(holdfast.baseUrl, tokens).run("T", 4, Duration.ZERO, Duration.ofSeconds(5), 0);
            for (String projection : Variant.PROJECTIONS) {
                holdfast.awaitLive(projection, Duration.ofMinutes(2));
            }
        }
        long total;
        double generated;
        try (HikariDataSource store = deployment.dataSource(DATABASE, 2)) {
            long started = System.nanoTime();
            total = generate(store);
            generated = (System.nanoTime() - started) / 1e9;
        }
        report.line(
                "### Replay on postgres: %,d events (%d s to generate them in the event store)",
                total, Math.round(generated));
        report.line("");
        Map<String, Double> rates = new LinkedHashMap<>();
        Map<String, String> rows = new LinkedHashMap<>();
        try (HoldfastProcess holdfast = deployment.startHoldfast(DATABASE, Variant.HOLDFAST);
                HikariDataSource store = deployment.dataSource(DATABASE, 2)) {
            long started = System.nanoTime();
            for (String projection : Variant.PROJECTIONS) {
                holdfast.awaitLive(projection, Duration.ofHours(2));
            }
            double catchUp = (System.nanoTime() - started) / 1e9;
            Map<String, Long> before = rowCounts(store);
            for (String projection : projections) {
                if (deployment.recordsFlights()) {
                    deployment.startFlight(holdfast, "replay-" + projection);
                }
                long replayStarted = System.nanoTime();
                double machineCpu = Machine.busyCpuSeconds();
                double holdfastCpu = holdfast.cpuSeconds();
                if (holdfast.post("/api/admin/replays/" + projection) != 202) {
                    throw new IllegalStateException("the replay of " + projection + " was not accepted");
                }
                holdfast.awaitLive(projection, Duration.ofHours(2));
                double seconds = (System.nanoTime() - replayStarted) / 1e9;
                machineCpu = Machine.busyCpuSeconds() - machineCpu;
                holdfastCpu = holdfast.cpuSeconds() - holdfastCpu;
                if (deployment.recordsFlights()) {
                    deployment.stopFlight(holdfast, "replay-" + projection);
                }
                Map<String, Long> after = rowCounts(store);
                boolean same = TABLES.get(projection).stream()
                        .allMatch(table -> after.get(table).equals(before.get(table)));
                rates.put(projection, total / seconds);
                rows.put(
                        projection,
                        String.format(
                                "%.1f | %,.0f | %.1f | %.1f | %s | %s",
                                seconds,
                                total / seconds,
                                machineCpu * 100_000 / total,
                                holdfastCpu * 100_000 / total,
                                same ? "yes" : "NO " + before + " → " + after,
                                storeCheck(store, projection, total)));
            }
            report.line(
                    "All %d projections together, catching up on the generated events at start-up: %.1f s (%,.0f events/s each)",
                    Variant.PROJECTIONS.size(), catchUp, total / catchUp);
            report.line("");
        }
        double raw = rawReplay(total);
        Map<String, Double> naive = new LinkedHashMap<>();
        for (String projection : projections) {
            naive.put(projection, naiveReplay(projection, total));
        }
        report.line(
                "| projection | Holdfast s | Holdfast events/s | machine CPU-s per 100,000 events | Holdfast process CPU-s per 100,000 | rows after = rows before | store check | naive events/s | Holdfast ÷ naive |");
        report.line("|---|---|---|---|---|---|---|---|---|");
        for (String projection : projections) {
            report.line(
                    "| %s | %s | %,.0f | %.1f |",
                    projection,
                    rows.get(projection),
                    naive.get(projection),
                    rates.get(projection) / naive.get(projection));
        }
        double slowest =
                rates.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double slowestNaive =
                naive.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double leastGain = projections.stream()
                .mapToDouble(p -> rates.get(p) / naive.get(p))
                .min()
                .orElseThrow();
        report.line("");
        report.line(
                "Raw replay (read in global-index order, Jackson, batched inserts): %,.0f events/s. Naive configuration: each projection's rebuild measured over at most 60 s.",
                raw);
        report.line(
                "Slowest Holdfast projection ÷ raw = **%.2f**; ÷ the slowest naive projection = **%.1f**; least gain of a projection over its naive self = **%.1f**",
                slowest / raw, slowest / slowestNaive, leastGain);
        report.line("");
    }

    /** Copies the template histories under new ids until the store holds the requested number of events. */
    long generate(HikariDataSource store) throws SQLException {
        try (Connection connection = store.getConnection();
                Statement statement = connection.createStatement()) {
            long template = Sql.count(statement, "select count(*) from domain_event_entry");
            long maxIndex = Sql.count(statement, "select max(global_index) from domain_event_entry");
            long copies = Math.max(0, (events - template + template - 1) / template);
            int step = (int) Math.max(1, 50_000 / template);
            for (long first = 1; first <= copies; first += step) {
                long last = Math.min(copies, first + step - 1);
                statement.executeUpdate(CaseCopies.sql(Store.POSTGRES, "e.global_index <= " + maxIndex, first, last));
            }
            return Sql.count(statement, "select count(*) from domain_event_entry");
        }
    }

    private Map<String, Long> rowCounts(HikariDataSource store) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = store.getConnection();
                Statement statement = connection.createStatement()) {
            for (List<String> tables : TABLES.values()) {
                for (String table : tables) {
                    counts.put(table, Sql.count(statement, "select count(*) from " + table));
                }
            }
        }
        return counts;
    }

    /** What the event store itself says the projection must hold. */
    private String storeCheck(HikariDataSource store, String projection, long total) throws SQLException {
        try (Connection connection = store.getConnection();
                Statement statement = connection.createStatement()) {
            long cases = Sql.count(statement, "select count(distinct aggregate_identifier) from domain_event_entry");
            return switch (projection) {
                case "case-views" ->
                    expect("case views", Sql.count(statement, "select count(*) from case_view"), cases);
                case "case-summaries" ->
                    expect("case summaries", Sql.count(statement, "select count(*) from case_summary"), cases);
                case "audit-trail" ->
                    expect("audit rows", Sql.count(statement, "select count(*) from audit_entry"), total)
                            + ", "
                            + expect(
                                    "distinct global indexes",
                                    Sql.count(statement, "select count(distinct global_index) from audit_entry"),
                                    total);
                case "warrant-registry" ->
                    expect(
                            "warrants",
                            Sql.count(statement, "select count(*) from registered_warrant"),
                            Sql.count(
                                    statement,
                                    "select count(*) from domain_event_entry where payload_type like '%.WarrantReceived'"));
                default -> "–";
            };
        }
    }

    private static String expect(String what, long actual, long expected) {
        return actual == expected
                ? "%s %,d = store".formatted(what, actual)
                : "%s %,d ≠ store %,d".formatted(what, actual, expected);
    }

    /** The physical limit of a replay: read in order, deserialize with Jackson, insert rows in batches. */
    private double rawReplay(long total) throws SQLException, java.io.IOException {
        ObjectMapper json = new ObjectMapper();
        try (HikariDataSource store = deployment.dataSource(DATABASE, 2);
                Connection reading = store.getConnection();
                Connection writing = store.getConnection()) {
            try (Statement statement = writing.createStatement()) {
                statement.execute("drop table if exists raw_replay");
                statement.execute(
                        "create table raw_replay (global_index bigint primary key, case_id varchar(255) not null,"
                                + " event_type varchar(255) not null, payload text not null)");
            }
            reading.setAutoCommit(false);
            writing.setAutoCommit(false);
            long started = System.nanoTime();
            long rows = 0;
            try (Statement read = reading.createStatement();
                    PreparedStatement insert = writing.prepareStatement(
                            "insert into raw_replay (global_index, case_id, event_type, payload) values (?, ?, ?, ?)")) {
                read.setFetchSize(5_000);
                try (ResultSet events = read.executeQuery(
                        "select global_index, aggregate_identifier, payload_type, payload from domain_event_entry order by global_index")) {
                    while (events.next()) {
                        JsonNode payload = json.readTree(events.getBytes(4));
                        insert.setLong(1, events.getLong(1));
                        insert.setString(2, payload.path("caseId").asText(events.getString(2)));
                        insert.setString(3, events.getString(3));
                        insert.setString(4, payload.toString());
                        insert.addBatch();
                        if (++rows % 1_000 == 0) {
                            insert.executeBatch();
                            writing.commit();
                        }
                    }
                }
                insert.executeBatch();
                writing.commit();
            }
            reading.commit();
            if (rows != total) {
                throw new IllegalStateException("the raw replay read " + rows + " events of " + total);
            }
            return rows / ((System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * The naive configuration replays one event per transaction: its rate over (at most) a minute is
     * enough to compare. A process of its own for each projection, so that no other rebuild shares
     * the cores.
     */
    private double naiveReplay(String projection, long total) throws Exception {
        try (HikariDataSource store = deployment.dataSource(DATABASE, 1);
                TokensKept kept = new TokensKept(store, projection);
                HoldfastProcess naive = deployment.startHoldfast(DATABASE, Variant.NAIVE)) {
            if (naive.post("/api/admin/replays/" + projection) != 202) {
                throw new IllegalStateException("the naive replay of " + projection + " was not accepted");
            }
            long posted = System.nanoTime();
            long first = 0;
            while (System.nanoTime() - posted < 10_000_000_000L) { // past the rebuild's start before measuring
                Thread.sleep(500);
                first = naive.get("/api/admin/replays/" + projection)
                        .path("position")
                        .asLong();
                if (first >= total) { // a small store, rebuilt before the measured minute began
                    return total / ((System.nanoTime() - posted) / 1e9);
                }
            }
            long started = System.nanoTime();
            long last = first;
            long lastSeen = started;
            while (System.nanoTime() - started < 60_000_000_000L && last < total) {
                Thread.sleep(500);
                last = naive.get("/api/admin/replays/" + projection)
                        .path("position")
                        .asLong();
                lastSeen = System.nanoTime();
            }
            return (last - first) / ((lastSeen - started) / 1e9);
        }
    }

    /**
     * A projection's tokens as they stood before a naive rebuild, put back once its process is gone,
     * so that the next naive process finds that projection at the head and not still rebuilding.
     */
    private static final class TokensKept implements AutoCloseable {

        private final HikariDataSource store;
        private final String projection;
        private final List<Kept> tokens = new java.util.ArrayList<>();

        private record Kept(int segment, byte[] token, String type) {}

        TokensKept(HikariDataSource store, String projection) throws SQLException {
            this.store = store;
            this.projection = projection;
            try (Connection connection = store.getConnection();
                    PreparedStatement select = connection.prepareStatement(
                            "select segment, token, token_type from token_entry where processor_name = ?")) {
                select.setString(1, projection);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        tokens.add(new Kept(rows.getInt(1), rows.getBytes(2), rows.getString(3)));
                    }
                }
            }
        }

        @Override
        public void close() throws SQLException {
            try (Connection connection = store.getConnection();
                    PreparedStatement update = connection.prepareStatement(
                            "update token_entry set token = ?, token_type = ?, owner = null where processor_name = ? and segment = ?")) {
                for (Kept kept : tokens) {
                    update.setBytes(1, kept.token());
                    update.setString(2, kept.type());
                    update.setString(3, projection);
                    update.setInt(4, kept.segment());
                    update.executeUpdate();
                }
            }
        }
    }
}

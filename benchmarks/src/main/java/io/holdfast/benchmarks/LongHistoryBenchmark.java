package io.holdfast.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * A command on a case with a long history (10,000 events) against the same command on a fresh case,
 * alternating; what snapshots are for. The long history is written directly into the event store
 * (copies of a real note event), then the same note command goes to both cases over HTTP.
 */
final class LongHistoryBenchmark {

    private static final int SAMPLES = 100;
    private static final int WARM_UP = 20;
    private static final String SHA = "a".repeat(64);

    private final Deployment deployment;
    private final Tokens tokens;
    private final Report report;
    private final int historyEvents;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    LongHistoryBenchmark(Deployment deployment, Tokens tokens, Report report, int historyEvents) {
        this.deployment = deployment;
        this.tokens = tokens;
        this.report = report;
        this.historyEvents = historyEvents;
    }

    void run() throws Exception {
        report.line(
                "### Long history on postgres: a note on a case with %,d events against a note on a fresh case (%d each, alternating)",
                historyEvents, SAMPLES);
        report.line("");
        report.line(
                "| | fresh p50 ms | fresh p99 ms | long p50 ms | long p99 ms | long ÷ fresh (p50) | long ÷ fresh (p99) |");
        report.line("|---|---|---|---|---|---|---|");
        for (Variant variant : Variant.values()) {
            measure(variant);
        }
        report.line("");
    }

    private void measure(Variant variant) throws Exception {
        String database = "history_" + variant.name().toLowerCase();
        try (HoldfastProcess holdfast = deployment.startHoldfast(database, variant);
                HikariDataSource store = deployment.dataSource(database, 1)) {
            String base = holdfast.baseUrl + "/api/cases";
            flag(base, "LONG");
            note(base, "LONG");
            lengthen(store, "LONG");
            awaitVersion(base + "/LONG", historyEvents - 1);
            for (int i = 0; i < WARM_UP + SAMPLES; i++) {
                flag(base, "FRESH-" + i);
            }
            Histogram fresh = new Histogram(60_000_000_000L, 3);
            Histogram longCase = new Histogram(60_000_000_000L, 3);
            for (int i = 0; i < WARM_UP + SAMPLES; i++) {
                long longNanos = note(base, "LONG");
                long freshNanos = note(base, "FRESH-" + i);
                if (i >= WARM_UP) {
                    longCase.recordValue(longNanos);
                    fresh.recordValue(freshNanos);
                }
            }
            report.line(
                    "| %s | %s | %s | %s | %s | %.2f | %.2f |",
                    variant == Variant.HOLDFAST ? "Holdfast" : "naive Axon",
                    Report.millis(fresh, 50),
                    Report.millis(fresh, 99),
                    Report.millis(longCase, 50),
                    Report.millis(longCase, 99),
                    (double) longCase.getValueAtPercentile(50) / fresh.getValueAtPercentile(50),
                    (double) longCase.getValueAtPercentile(99) / fresh.getValueAtPercentile(99));
        }
    }

    /** Copies the case's note event until the case has the requested number of events. */
    private void lengthen(HikariDataSource store, String caseId) throws SQLException {
        try (Connection connection = store.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                        payload_type, payload_revision, payload, meta_data, time_stamp)
                    select nextval('domain_event_entry_seq'), e.aggregate_identifier, s, e.type, e.event_identifier || '-' || s,
                        e.payload_type, e.payload_revision, e.payload, e.meta_data, e.time_stamp
                    from domain_event_entry e cross join generate_series(2, %d) s
                    where e.aggregate_identifier = '%s' and e.sequence_number = 1
                    order by s""".formatted(historyEvents - 1, caseId));
        }
    }

    private void awaitVersion(String caseUrl, long version) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> view = http.send(
                    HttpRequest.newBuilder(URI.create(caseUrl))
                            .header("Authorization", "Bearer " + tokens.officer)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (view.statusCode() == 200
                    && new ObjectMapper().readTree(view.body()).path("version").asLong() >= version) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the case view did not reach version " + version);
    }

    private void flag(String base, String caseId) throws IOException, InterruptedException {
        send(base, """
                {"caseId":"%s","accountId":"ACC-%s","subject":{"holderName":"Kim Sang Man","walletAddresses":[]},
                 "reason":{"type":"SANCTIONS_MATCH","list":"OFAC-SDN","listEntryId":"SDN-12345","details":"wallet match"},
                 "evidence":[{"description":"screening hit report","sha256":"%s"}]}""".formatted(caseId, caseId, SHA));
    }

    private long note(String base, String caseId) throws IOException, InterruptedException {
        return send(base + "/" + caseId + "/notes", "{\"text\":\"called the account holder's bank\"}");
    }

    private long send(String url, String body) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + tokens.officer)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long elapsed = System.nanoTime() - started;
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return elapsed;
    }
}

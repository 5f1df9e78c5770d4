package io.holdfast.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;

/**
 * The ledger (PostgreSQL): what appending leaves adds to commands, the ledger with the ledger idle
 * side by side in one run; the rate at which the ledger is rebuilt when the audit trail is; and the
 * latency of inclusion and consistency proofs and of signing a checkpoint over a million leaves.
 */
final class LedgerBenchmark {

    private static final String DATABASE = "ledger";

    private final Deployment deployment;
    private final Tokens tokens;
    private final Report report;
    private final int events;
    private final int clients;
    private final Duration warmUp;
    private final Duration window;

    LedgerBenchmark(
            Deployment deployment,
            Tokens tokens,
            Report report,
            int events,
            int clients,
            Duration warmUp,
            Duration window) {
        this.deployment = deployment;
        this.tokens = tokens;
        this.report = report;
        this.events = events;
        this.clients = clients;
        this.warmUp = warmUp;
        this.window = window;
    }

    void run() throws Exception {
        report.line("### The ledger on postgres");
        report.line("");
        report.line("| ledger | commands/s | flag p50 / p99 ms | Holdfast CPU s per 1,000 commands |");
        report.line("|---|---|---|---|");
        // alternated, twice each, so that neither always runs on a warmer or a busier machine
        for (int round = 0; round < 2; round++) {
            load("appending every 1 s (as shipped)", DATABASE + (round == 0 ? "" : "_again"));
            load("idle (append-interval 1h)", DATABASE + "_idle" + round, "--holdfast.ledger.append-interval=1h");
        }
        report.line("");
        if (events == 0) {
            return;
        }

        long total;
        try (HikariDataSource store = deployment.dataSource(DATABASE, 2)) {
            total = new ReplayBenchmark(deployment, tokens, report, events, List.of()).generate(store);
        }
        try (HoldfastProcess holdfast = deployment.startHoldfast(DATABASE, Variant.HOLDFAST);
                HikariDataSource store = deployment.dataSource(DATABASE, 2)) {
            long started = System.nanoTime();
            holdfast.awaitLive("audit-trail", Duration.ofHours(2));
            long audited = count(store, "audit_entry");
            awaitLeaves(store, audited);
            double building = (System.nanoTime() - started) / 1e9;
            report.line(
                    "%,d events in the store: the audit trail and the ledger built at start-up in %.1f s (%,.0f leaves/s).",
                    total, building, audited / building);

            double cpu = holdfast.cpuSeconds();
            started = System.nanoTime();
            if (holdfast.post("/api/admin/replays/audit-trail") != 202) {
                throw new IllegalStateException("the replay of the audit trail was not accepted");
            }
            holdfast.awaitLive("audit-trail", Duration.ofHours(2));
            awaitLeaves(store, audited);
            double rebuilt = (System.nanoTime() - started) / 1e9;
            cpu = holdfast.cpuSeconds() - cpu;
            report.line(
                    "A replay of the audit trail rebuilt it and the ledger's %,d leaves in %.1f s (%,.0f leaves/s; Holdfast CPU %.1f s per 100,000).",
                    audited, rebuilt, audited / rebuilt, cpu * 100_000 / audited);
            report.line("");

            started = System.nanoTime();
            holdfast.post("/api/audit/ledger/checkpoints");
            double signing = (System.nanoTime() - started) / 1e9 * 1000;
            long size = holdfast.get("/api/audit/ledger/checkpoints/latest")
                    .get("treeSize")
                    .asLong();
            Histogram inclusion = new Histogram(60_000_000_000L, 3);
            Histogram consistency = new Histogram(60_000_000_000L, 3);
            for (int i = 0; i < 1200; i++) {
                long index = ThreadLocalRandom.current().nextLong(size);
                long from = 1 + ThreadLocalRandom.current().nextLong(size);
                long t = System.nanoTime();
                JsonNode proof =
                        holdfast.get("/api/audit/ledger/proofs/inclusion?ledgerIndex=" + index + "&treeSize=" + size);
                if (i >= 200) {
                    inclusion.recordValue(System.nanoTime() - t);
                }
                t = System.nanoTime();
                holdfast.get("/api/audit/ledger/proofs/consistency?from=" + from + "&to=" + size);
                if (i >= 200) {
                    consistency.recordValue(System.nanoTime() - t);
                }
                if (proof.get("auditPath").size() == 0 && size > 1) {
                    throw new IllegalStateException("an empty audit path in a tree of " + size);
                }
            }
            report.line("| over %,d leaves | p50 ms | p99 ms | max ms |", size);
            report.line("|---|---|---|---|");
            row("inclusion proof (request to answer, 1,000 random leaves)", inclusion);
            row("consistency proof (1,000 random sizes)", consistency);
            report.line("| signing a checkpoint (root from stored subtrees) | %.1f | | |", signing);
            report.line("");
        }
    }

    private void load(String ledger, String database, String... extra) throws Exception {
        try (HoldfastProcess holdfast = deployment.startHoldfast(database, Variant.HOLDFAST, extra)) {
            double cpu = holdfast.cpuSeconds();
            LifecycleLoad.Result result =
                    new LifecycleLoad(holdfast.baseUrl, tokens).run("L", clients, warmUp, window, 0);
            cpu = holdfast.cpuSeconds() - cpu;
            Histogram flag = result.latencies().get("flag");
            report.line(
                    "| %s | %,.0f | %.1f / %.1f | %.2f |",
                    ledger,
                    result.commandsPerSecond(),
                    flag.getValueAtPercentile(50) / 1e6,
                    flag.getValueAtPercentile(99) / 1e6,
                    cpu * 1000 / Math.max(1, result.commands()));
        }
    }

    private void row(String what, Histogram latencies) {
        report.line(
                "| %s | %.1f | %.1f | %.1f |",
                what,
                latencies.getValueAtPercentile(50) / 1e6,
                latencies.getValueAtPercentile(99) / 1e6,
                latencies.getMaxValue() / 1e6);
    }

    private static long count(HikariDataSource store, String table) {
        try (Connection connection = store.getConnection();
                Statement statement = connection.createStatement()) {
            return Sql.count(statement, "select count(*) from " + table);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitLeaves(HikariDataSource store, long leaves) throws InterruptedException {
        while (count(store, "ledger_leaf") < leaves) {
            Thread.sleep(500);
        }
    }
}

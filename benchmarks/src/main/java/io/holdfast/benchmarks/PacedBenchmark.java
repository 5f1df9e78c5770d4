package io.holdfast.benchmarks;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Holdfast alone at a paced rate (no baselines): each endpoint's latencies and the projection lag,
 * with how the lag spreads, to look into a tail without the whole load comparison. It warms up at
 * full speed, as the load part does before its paced round.
 */
final class PacedBenchmark {

    private static final List<Integer> LAG_STEPS_MS = List.of(10, 25, 50, 100, 150, 200, 250, 300, 500);

    private final Deployment deployment;
    private final Tokens tokens;
    private final Report report;
    private final int clients;
    private final int rounds;
    private final Duration warmUp;
    private final Duration window;
    private final double rate;

    PacedBenchmark(Deployment deployment, Tokens tokens, Report report, int clients, int rounds, Duration warmUp,
                   Duration window, double rate) {
        this.deployment = deployment;
        this.tokens = tokens;
        this.report = report;
        this.clients = clients;
        this.rounds = rounds;
        this.warmUp = warmUp;
        this.window = window;
        this.rate = rate;
    }

    void run() throws Exception {
        String store = deployment.store.name().toLowerCase();
        try (HoldfastProcess holdfast = deployment.startHoldfast("holdfast", Variant.HOLDFAST)) {
            LifecycleLoad load = new LifecycleLoad(holdfast.baseUrl, tokens);
            load.run("W", clients, Duration.ZERO, warmUp, 0);   // at full speed, as the load part warms up
            report.line("");
            report.line("### %s paced at %.0f commands/s: %d clients, %d rounds of %d s after %d s warm-up", store, rate,
                    clients, rounds, window.toSeconds(), warmUp.toSeconds());
            report.line("");
            report.line("| round | commands/s | Holdfast CPU-s per 1,000 | max heap | errors | lag p50 ms | p95 | p99 |");
            report.line("|---|---|---|---|---|---|---|---|");
            for (int round = 1; round <= rounds; round++) {
                String runId = "P" + round;
                if (deployment.recordsFlights() && round == 1) {
                    deployment.recordFlight(holdfast, runId, window);
                }
                Sampled<LifecycleLoad.Result> run = Sampled.of(() -> load.run(runId, clients, Duration.ZERO, window, rate),
                        Duration.ZERO, window, holdfast);
                LifecycleLoad.Result result = run.result();
                report.line("| %d | %.0f | %.2f | %d MB | %d | %s |", round, result.commandsPerSecond(),
                        run.processCpuSeconds() * 1000 / result.commands(), run.maxHeapBytes() / (1024 * 1024),
                        result.errors(), LoadBenchmark.percentiles(result.lag()));
                report.line("");
                report.line("Lag of round %d: %s", round, spread(result.lag()));
                report.line("");
                report.line("| latency ms | p50 | p95 | p99 | max |");
                report.line("|---|---|---|---|---|");
                result.latencies().forEach((endpoint, latencies) -> report.line("| %s | %s | %s |", endpoint,
                        LoadBenchmark.percentiles(latencies), Report.millis(latencies, 100)));
                report.line("");
            }
        }
    }

    /** The share of reads that waited longer than each step. */
    private static String spread(Histogram lag) {
        StringBuilder spread = new StringBuilder();
        long total = lag.getTotalCount();
        for (int step : LAG_STEPS_MS) {
            long above = total - lag.getCountBetweenValues(0, step * 1_000_000L);
            spread.append(String.format(Locale.ROOT, "> %d ms %.2f %%; ", step, total == 0 ? 0.0 : 100.0 * above / total));
        }
        return spread.append(total).append(" reads").toString();
    }
}

package io.holdfast.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Holdfast against the raw JDBC limit and the naive configuration on one store, and Holdfast's own
 * floor (case-view reads only), alternating A B C D A B C D … so that a noisy neighbour hurts all
 * alike; medians reported. Or Holdfast alone at a paced rate ({@link #runPaced}), to look into a tail.
 */
final class LoadBenchmark {

    /** The first case of the sample lifecycle run (run "S", client 0, lifecycle 0). */
    private static final String SAMPLE_CASE = "S-0-0";

    private static final List<Integer> LAG_STEPS_MS = List.of(10, 25, 50, 100, 150, 200, 250, 300, 500);

    private final Deployment deployment;
    private final Tokens tokens;
    private final Report report;
    private final int clients;
    private final int rounds;
    private final Duration warmUp;
    private final Duration window;

    LoadBenchmark(
            Deployment deployment,
            Tokens tokens,
            Report report,
            int clients,
            int rounds,
            Duration warmUp,
            Duration window) {
        this.deployment = deployment;
        this.tokens = tokens;
        this.report = report;
        this.clients = clients;
        this.rounds = rounds;
        this.warmUp = warmUp;
        this.window = window;
    }

    /** Per round: work done per second, the machine's and Holdfast's CPU-seconds per 1,000 units of it, and errors. */
    private class Rounds {
        final List<Double> perSecond = new ArrayList<>();
        final List<Double> machineCpuPer1000 = new ArrayList<>();
        final List<Double> processCpuPer1000 = new ArrayList<>();
        final List<Double> databaseCpuPer1000 = new ArrayList<>();
        final List<Double> driverCpuPer1000 = new ArrayList<>();
        final List<Double> gcPauseMsPerSecond = new ArrayList<>();
        double longestGcPauseMs;
        final List<Double> connectionWaitMsPerSecond = new ArrayList<>();
        double longestConnectionWaitMs;
        long errors;
        final List<String> errorSamples = new ArrayList<>();

        void addRound(Sampled<?> run, double rate, long units, long roundErrors, List<String> roundErrorSamples) {
            perSecond.add(rate);
            machineCpuPer1000.add(run.machineCpuSeconds() * 1000 / units);
            processCpuPer1000.add(run.processCpuSeconds() * 1000 / units);
            databaseCpuPer1000.add(run.databaseCpuSeconds() * 1000 / units);
            driverCpuPer1000.add(run.driverCpuSeconds() * 1000 / units);
            gcPauseMsPerSecond.add(msPerSecond(run.gcPauses()));
            longestGcPauseMs = Math.max(longestGcPauseMs, run.gcPauses().recentMaxSeconds() * 1000);
            connectionWaitMsPerSecond.add(msPerSecond(run.connectionWaits()));
            longestConnectionWaitMs =
                    Math.max(longestConnectionWaitMs, run.connectionWaits().recentMaxSeconds() * 1000);
            errors += roundErrors;
            errorSamples.addAll(roundErrorSamples);
        }
    }

    /** A configuration's lifecycle rounds: commands/s, latencies, lag, heap, start-up. */
    private final class Figures extends Rounds {
        final List<Double> startupSeconds = new ArrayList<>();
        final Map<String, Histogram> latencies = new LinkedHashMap<>();
        final Histogram lag = new Histogram(60_000_000_000L, 3);
        final List<Double> commitsPerCommand = new ArrayList<>();
        long maxHeap = -1;

        void add(Sampled<LifecycleLoad.Result> run) {
            LifecycleLoad.Result result = run.result();
            addRound(run, result.commandsPerSecond(), result.commands(), result.errors(), result.errorSamples());
            result.latencies()
                    .forEach((endpoint, histogram) -> latencies
                            .computeIfAbsent(endpoint, e -> new Histogram(60_000_000_000L, 3))
                            .add(histogram));
            lag.add(result.lag());
            maxHeap = Math.max(maxHeap, run.maxHeapBytes());
        }
    }

    /** The case-view reads of every round: Holdfast's floor. */
    private final class FloorFigures extends Rounds {

        void add(Sampled<CaseViewReads.Result> run) {
            CaseViewReads.Result result = run.result();
            addRound(run, result.readsPerSecond(), result.reads(), result.errors(), result.errorSamples());
        }
    }

    void run() throws Exception {
        String store = deployment.store.name().toLowerCase();
        Figures holdfast = new Figures();
        Figures naive = new Figures();
        Figures earlier = new Figures();
        Path jarBefore = deployment.jarBefore().orElse(null);
        Figures halfLoad = new Figures();
        Rounds raw = new Rounds();
        FloorFigures floor = new FloorFigures();
        // Both configurations stay up for the whole comparison: each is started and warmed up once
        // (on two shared cores the JIT needs minutes), then the measured rounds alternate.
        try (HoldfastProcess ours = deployment.startHoldfast("holdfast", Variant.HOLDFAST);
                HoldfastProcess theirs = deployment.startHoldfast("naive", Variant.NAIVE);
                HoldfastProcess previous =
                        jarBefore == null ? null : deployment.startHoldfast("before", Variant.BEFORE);
                HikariDataSource rawStore = deployment.dataSource("raw", clients)) {
            holdfast.startupSeconds.add(ours.startupSeconds);
            naive.startupSeconds.add(theirs.startupSeconds);
            int[] eventSize = averageEventSize(ours);
            RawJdbcLoad rawLoad = new RawJdbcLoad(rawStore, deployment.store, eventSize[0], eventSize[1]);
            report.line(
                    "  warming up Holdfast, the raw loop and the naive configuration, %d s each", warmUp.toSeconds());
            new LifecycleLoad(ours.baseUrl, tokens).run("WA", clients, Duration.ZERO, warmUp, 0);
            rawLoad.run("WB", clients, Duration.ZERO, warmUp);
            new LifecycleLoad(theirs.baseUrl, tokens).run("WC", clients, Duration.ZERO, warmUp, 0);
            if (previous != null) {
                earlier.startupSeconds.add(previous.startupSeconds);
                new LifecycleLoad(previous.baseUrl, tokens).run("WE", clients, Duration.ZERO, warmUp, 0);
            }
            for (int round = 1; round <= rounds; round++) {
                measure(ours, "holdfast", "A" + round, holdfast, 0);
                if (previous != null) {
                    measure(previous, "before", "E" + round, earlier, 0);
                }
                String runId = "B" + round;
                Sampled<RawJdbcLoad.Result> run = Sampled.of(
                        () -> rawLoad.run(runId, clients, Duration.ZERO, window), Duration.ZERO, window, null);
                raw.addRound(run, run.result().commandsPerSecond(), run.result().commands(), 0, List.of());
                measure(theirs, "naive", "C" + round, naive, 0);
                CaseViewReads reads = new CaseViewReads(ours.baseUrl, tokens);
                floor.add(Sampled.of(() -> reads.run(SAMPLE_CASE, clients, window), Duration.ZERO, window, ours));
                report.line(
                        "  round %d on %s: Holdfast %.0f, raw JDBC %.0f, naive %.0f commands/s; case-view reads only %.0f/s",
                        round,
                        store,
                        holdfast.perSecond.get(round - 1),
                        raw.perSecond.get(round - 1),
                        naive.perSecond.get(round - 1),
                        floor.perSecond.get(round - 1));
            }
            measure(ours, "holdfast", "H", halfLoad, Report.median(holdfast.perSecond) / 2);
        }
        double holdfastMedian = Report.median(holdfast.perSecond);
        report.line("");
        report.line(
                "### %s: %d clients, %d rounds of %d s after %d s warm-up (A B C D alternating, medians)",
                store, clients, rounds, window.toSeconds(), warmUp.toSeconds());
        report.line("");
        report.line(
                "| | commands/s per round | median | machine CPU-s per 1,000 commands | Holdfast process CPU-s per 1,000 | max heap used | GC pause ms per s (longest) | waits for a connection ms per s (longest) | start-up |");
        report.line("|---|---|---|---|---|---|---|---|---|");
        row("Holdfast", holdfast);
        report.line(
                "| raw JDBC limit | %s | %.0f | %.2f | – | – | – | – | – |",
                Report.rounded(raw.perSecond), Report.median(raw.perSecond), Report.median(raw.machineCpuPer1000));
        row("naive Axon", naive);
        if (jarBefore != null) {
            row("Holdfast before (" + jarBefore.getFileName() + ")", earlier);
        }
        report.line(
                "| Holdfast, case-view reads only (requests/s) | %s | %.0f | %.2f | %.2f | – | %s | – |",
                Report.rounded(floor.perSecond),
                Report.median(floor.perSecond),
                Report.median(floor.machineCpuPer1000),
                Report.median(floor.processCpuPer1000),
                waits(floor));
        report.line("");
        report.line(
                "Where the machine's CPU went, CPU-s per 1,000 commands (reads for the floor), medians of the rounds: "
                        + "%s; %s; %s; %s. The rest is other work on the shared machine and the kernel's interrupts; "
                        + "PostgreSQL's figure counts its postmaster and the backends alive at the window's end.",
                shares("Holdfast", holdfast),
                shares("the raw loop", raw),
                shares("naive", naive),
                shares("the floor", floor));
        report.line("");
        report.line(
                "A command costs Holdfast %.1f× the CPU of a case-view read (the floor of one authenticated request: HTTP, token, rules, JSON)",
                Report.median(holdfast.processCpuPer1000) / Report.median(floor.processCpuPer1000));
        report.line("");
        report.line(
                "Holdfast ÷ raw JDBC = **%.2f**; Holdfast ÷ naive = **%.2f** (medians of commands/s)",
                holdfastMedian / Report.median(raw.perSecond), holdfastMedian / Report.median(naive.perSecond));
        report.line("");
        report.line(
                "Holdfast's CPU per command ÷ naive's = **%.2f**%s",
                Report.median(holdfast.processCpuPer1000) / Report.median(naive.processCpuPer1000),
                jarBefore == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "; ÷ before's = **%.2f**, commands/s ÷ before's = %.2f",
                                Report.median(holdfast.processCpuPer1000) / Report.median(earlier.processCpuPer1000),
                                holdfastMedian / Report.median(earlier.perSecond)));
        if (!holdfast.commitsPerCommand.isEmpty()) {
            report.line("");
            report.line(
                    "Transactions committed per command (PostgreSQL's xact_commit for the database: every write, and"
                            + " each read and each projection's poll that ran in a transaction; medians of the rounds):"
                            + " Holdfast %.2f, naive %.2f%s",
                    Report.median(holdfast.commitsPerCommand),
                    Report.median(naive.commitsPerCommand),
                    jarBefore == null
                            ? ""
                            : String.format(Locale.ROOT, ", before %.2f", Report.median(earlier.commitsPerCommand)));
        }
        report.line("");
        report.line(
                "| latency ms (all rounds) | Holdfast p50 | p95 | p99 | half load (%.0f commands/s paced) p50 | p95 | p99 | naive p50 | p95 | p99 |",
                halfLoad.perSecond.get(0));
        report.line("|---|---|---|---|---|---|---|---|---|---|");
        for (String endpoint : holdfast.latencies.keySet()) {
            report.line(
                    "| %s | %s | %s | %s |",
                    endpoint,
                    percentiles(holdfast.latencies.get(endpoint)),
                    percentiles(halfLoad.latencies.get(endpoint)),
                    percentiles(naive.latencies.get(endpoint)));
        }
        report.line(
                "| projection lag | %s | %s | %s |",
                percentiles(holdfast.lag), percentiles(halfLoad.lag), percentiles(naive.lag));
        report.line("");
        long errors = holdfast.errors + naive.errors + halfLoad.errors + floor.errors;
        report.line(
                "Errors: %d (Holdfast %d, half load %d, naive %d, case-view reads only %d)%s",
                errors,
                holdfast.errors,
                halfLoad.errors,
                naive.errors,
                floor.errors,
                errors == 0 ? "" : " — first: " + firstErrors(holdfast, halfLoad, naive) + " " + floor.errorSamples);
        report.line("");
    }

    /**
     * Holdfast alone at a paced rate (no baselines): each endpoint's latencies and the projection lag,
     * with how the lag spreads, to look into a tail without the whole load comparison. It warms up at
     * full speed, as {@link #run()} does before its paced round.
     */
    void runPaced(double rate) throws Exception {
        String store = deployment.store.name().toLowerCase();
        try (HoldfastProcess holdfast = deployment.startHoldfast("holdfast", Variant.HOLDFAST)) {
            LifecycleLoad load = new LifecycleLoad(holdfast.baseUrl, tokens);
            load.run("W", clients, Duration.ZERO, warmUp, 0); // at full speed, as the load part warms up
            report.line("");
            report.line(
                    "### %s paced at %.0f commands/s: %d clients, %d rounds of %d s after %d s warm-up",
                    store, rate, clients, rounds, window.toSeconds(), warmUp.toSeconds());
            report.line("");
            report.line(
                    "| round | commands/s | Holdfast CPU-s per 1,000 | max heap | GC pause ms per s (longest) | waits for a connection ms per s (longest) | errors | lag p50 ms | p95 | p99 |");
            report.line("|---|---|---|---|---|---|---|---|---|---|");
            for (int round = 1; round <= rounds; round++) {
                String runId = "P" + round;
                if (deployment.recordsFlights() && round == 1) {
                    deployment.recordFlight(holdfast, runId, window);
                }
                Sampled<LifecycleLoad.Result> run = Sampled.of(
                        () -> load.run(runId, clients, Duration.ZERO, window, rate), Duration.ZERO, window, holdfast);
                LifecycleLoad.Result result = run.result();
                report.line(
                        "| %d | %.0f | %.2f | %d MB | %.1f (%.0f) | %.1f (%.0f) | %d | %s |",
                        round,
                        result.commandsPerSecond(),
                        run.processCpuSeconds() * 1000 / result.commands(),
                        run.maxHeapBytes() / (1024 * 1024),
                        msPerSecond(run.gcPauses()),
                        run.gcPauses().recentMaxSeconds() * 1000,
                        msPerSecond(run.connectionWaits()),
                        run.connectionWaits().recentMaxSeconds() * 1000,
                        result.errors(),
                        percentiles(result.lag()));
                report.line("");
                report.line("Lag of round %d: %s", round, spread(result.lag()));
                report.line("");
                report.line("| latency ms | p50 | p95 | p99 | max |");
                report.line("|---|---|---|---|---|");
                result.latencies()
                        .forEach((endpoint, latencies) -> report.line(
                                "| %s | %s | %s |", endpoint, percentiles(latencies), Report.millis(latencies, 100)));
                report.line("");
                report.line(insideAndOut(result, run.commandsInside()));
                report.line("");
                double per1000 = 1000.0 / result.commands();
                report.line("CPU-s per 1,000 commands: "
                        + shares(
                                "Holdfast",
                                run.machineCpuSeconds() * per1000,
                                run.processCpuSeconds() * per1000,
                                run.databaseCpuSeconds() * per1000,
                                run.driverCpuSeconds() * per1000));
                report.line("");
            }
        }
    }

    /**
     * A command's mean time as the portals saw it against Holdfast's own timer of the same requests:
     * what is left is spent outside Holdfast's request handling (sockets, Tomcat's hand-over to a
     * worker thread, the portals' own threads), all waiting for a core when the machine is saturated.
     */
    private static String insideAndOut(LifecycleLoad.Result result, HoldfastProcess.Timed inside) {
        long count = 0;
        double totalNanos = 0;
        for (String endpoint : LifecycleLoad.WRITES) {
            Histogram latencies = result.latencies().get(endpoint);
            count += latencies.getTotalCount();
            totalNanos += latencies.getMean() * latencies.getTotalCount();
        }
        if (count == 0 || inside.count() == 0) {
            return "Commands inside Holdfast: not measured";
        }
        double portalMs = totalNanos / count / 1e6;
        double insideMs = inside.totalSeconds() * 1000 / inside.count();
        return String.format(
                Locale.ROOT,
                "Commands, mean ms: %.1f as the portals saw them, %.1f inside Holdfast "
                        + "(its HTTP timer, %d commands), %.1f outside its request handling",
                portalMs,
                insideMs,
                inside.count(),
                portalMs - insideMs);
    }

    /** The share of reads that waited longer than each step. */
    private static String spread(Histogram lag) {
        StringBuilder spread = new StringBuilder();
        long total = lag.getTotalCount();
        for (int step : LAG_STEPS_MS) {
            long above = total - lag.getCountBetweenValues(0, step * 1_000_000L);
            spread.append(
                    String.format(Locale.ROOT, "> %d ms %.2f %%; ", step, total == 0 ? 0.0 : 100.0 * above / total));
        }
        return spread.append(total).append(" reads").toString();
    }

    private void measure(HoldfastProcess process, String database, String runId, Figures figures, double pacedRate)
            throws Exception {
        if (deployment.recordsFlights() && runId.endsWith("1")) {
            deployment.recordFlight(process, runId + "-" + process.name.replace('@', '-'), window);
        }
        LifecycleLoad load = new LifecycleLoad(process.baseUrl, tokens);
        boolean countsCommits = deployment.store == Store.POSTGRES;
        long commitsBefore = countsCommits ? deployment.commits(database) : 0;
        Sampled<LifecycleLoad.Result> run = Sampled.of(
                () -> load.run(runId, clients, Duration.ZERO, window, pacedRate), Duration.ZERO, window, process);
        figures.add(run);
        if (countsCommits) {
            // PostgreSQL counts a backend's commits when it reports them, within a second: a window of many seconds
            // holds all but the edges
            Thread.sleep(1_500);
            figures.commitsPerCommand.add((deployment.commits(database) - commitsBefore)
                    / (double) run.result().commands());
        }
    }

    private static String percentiles(Histogram latencies) {
        if (latencies == null) {
            return "– | – | –";
        }
        return Report.millis(latencies, 50) + " | " + Report.millis(latencies, 95) + " | "
                + Report.millis(latencies, 99);
    }

    private static String shares(String name, Rounds rounds) {
        return shares(
                name,
                Report.median(rounds.machineCpuPer1000),
                Report.median(rounds.processCpuPer1000),
                Report.median(rounds.databaseCpuPer1000),
                Report.median(rounds.driverCpuPer1000));
    }

    /** The machine's CPU split into the application's, PostgreSQL's, the load driver's and the rest. */
    private static String shares(String name, double machine, double application, double database, double driver) {
        return String.format(
                Locale.ROOT,
                "%s: machine %.2f = application %.2f + PostgreSQL %.2f + load driver %.2f + rest %.2f",
                name,
                machine,
                application,
                database,
                driver,
                machine - application - database - driver);
    }

    private void row(String name, Figures figures) {
        report.line(
                "| %s | %s | %.0f | %.2f | %.2f | %d MB | %s | %.1f s |",
                name,
                Report.rounded(figures.perSecond),
                Report.median(figures.perSecond),
                Report.median(figures.machineCpuPer1000),
                Report.median(figures.processCpuPer1000),
                figures.maxHeap / (1024 * 1024),
                waits(figures),
                Report.median(figures.startupSeconds));
    }

    /**
     * Time the collector stopped the application and time threads waited for a database connection, each per second
     * of the measured windows (median of the rounds) with the longest (Micrometer's maximum of the last two minutes).
     */
    private static String waits(Rounds rounds) {
        return String.format(
                Locale.ROOT,
                "%.1f (%.0f) | %.1f (%.0f)",
                Report.median(rounds.gcPauseMsPerSecond),
                rounds.longestGcPauseMs,
                Report.median(rounds.connectionWaitMsPerSecond),
                rounds.longestConnectionWaitMs);
    }

    private double msPerSecond(HoldfastProcess.Timed timed) {
        return timed.totalSeconds() * 1000 / window.toSeconds();
    }

    private static String firstErrors(Figures... all) {
        List<String> samples = new ArrayList<>();
        for (Figures figures : all) {
            samples.addAll(figures.errorSamples);
        }
        return String.join(" | ", samples.subList(0, Math.min(3, samples.size())));
    }

    /** Average payload and metadata bytes of the events Holdfast stored, so the raw loop writes rows of the same size. */
    private int[] averageEventSize(HoldfastProcess process) throws Exception {
        LifecycleLoad.Result sample =
                new LifecycleLoad(process.baseUrl, tokens).run("S", 1, Duration.ZERO, Duration.ofSeconds(2), 0);
        if (sample.errors() > 0) {
            throw new IllegalStateException("Holdfast refused the benchmark's lifecycle: " + sample.errorSamples());
        }
        // the history shows payload and metadata exactly as stored
        JsonNode entries = process.get("/api/cases/" + SAMPLE_CASE + "/history", tokens.officer)
                .path("entries");
        for (int attempt = 0; entries.size() < LifecycleLoad.WRITES.size() && attempt < 100; attempt++) {
            Thread.sleep(100);
            entries = process.get("/api/cases/" + SAMPLE_CASE + "/history", tokens.officer)
                    .path("entries");
        }
        long payload = 0;
        long metaData = 0;
        for (JsonNode entry : entries) {
            payload += entry.path("payload").toString().getBytes(StandardCharsets.UTF_8).length;
            metaData += entry.path("metadata").toString().getBytes(StandardCharsets.UTF_8).length;
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException("the sample case has no history");
        }
        return new int[] {(int) (payload / entries.size()), (int) (metaData / entries.size())};
    }
}

package io.holdfast.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How fast Holdfast serves from the moment it is UP, started plainly and started from the
 * ahead-of-time cache {@code bin/start-holdfast} records (run the harness with JDK 25's java, the
 * cache directory given as {@code --aot-dir}): start-up to UP, then the lifecycle load for three
 * minutes, commands/s in the first and in the third, alternating the two starts each round.
 */
final class FirstMinuteBenchmark {

    private static final Duration MINUTE = Duration.ofSeconds(60);

    private final Deployment plain;
    private final Deployment fromCache;
    private final Tokens tokens;
    private final Report report;
    private final int clients;
    private final int rounds;

    FirstMinuteBenchmark(Deployment plain, Path cacheDirectory, Tokens tokens, Report report, int clients, int rounds)
            throws java.io.IOException {
        this.plain = plain;
        this.fromCache = Deployment.start(
                        plain.store, plain.work().resolve("from-cache"), cacheDirectory.resolve("holdfast.jar"), tokens)
                .withHoldfastJvmOptions(cacheOptions(cacheDirectory));
        this.tokens = tokens;
        this.report = report;
        this.clients = clients;
        this.rounds = rounds;
    }

    private static List<String> cacheOptions(Path cacheDirectory) {
        List<String> options = new ArrayList<>(Deployment.JVM_OPTIONS);
        options.add("-XX:AOTCache=" + cacheDirectory.resolve("holdfast.aot"));
        return options;
    }

    void run() throws Exception {
        Map<String, List<double[]>> byStart = new LinkedHashMap<>();
        byStart.put("java -jar", new ArrayList<>());
        byStart.put("from the ahead-of-time cache", new ArrayList<>());
        try (fromCache) {
            for (int round = 1; round <= rounds; round++) {
                byStart.get("java -jar").add(once(plain, "first_minute_plain_" + round));
                byStart.get("from the ahead-of-time cache").add(once(fromCache, "first_minute_cached_" + round));
            }
        }
        report.line("");
        report.line(
                "### The first minute after UP on %s (%s, %d clients, %d rounds alternating)",
                plain.store.name().toLowerCase(), Runtime.version(), clients, rounds);
        report.line("");
        report.line(
                "| start | start-up to UP, s | commands/s in the first minute | in the second | in the third | first ÷ third |");
        report.line("|---|---|---|---|---|---|");
        for (Map.Entry<String, List<double[]>> start : byStart.entrySet()) {
            for (double[] figures : start.getValue()) {
                report.line(
                        "| %s | %.1f | %.0f | %.0f | %.0f | %.2f |",
                        start.getKey(), figures[0], figures[1], figures[2], figures[3], figures[1] / figures[3]);
            }
        }
        report.line("");
    }

    /** Start-up seconds, then commands/s in each of the three minutes after UP. */
    private double[] once(Deployment deployment, String database) throws Exception {
        try (HoldfastProcess holdfast = deployment.startHoldfast(database, Variant.HOLDFAST)) {
            LifecycleLoad load = new LifecycleLoad(holdfast.baseUrl, tokens);
            double[] figures = new double[4];
            figures[0] = holdfast.startupSeconds;
            for (int minute = 1; minute <= 3; minute++) {
                figures[minute] = load.run(database + "-" + minute, clients, Duration.ZERO, MINUTE, 0)
                        .commandsPerSecond();
            }
            report.line(
                    "  %s: UP in %.1f s, then %.0f, %.0f, %.0f commands/s",
                    database, figures[0], figures[1], figures[2], figures[3]);
            return figures;
        }
    }
}

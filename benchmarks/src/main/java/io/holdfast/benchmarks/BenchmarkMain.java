package io.holdfast.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Holdfast's benchmark harness (see BENCHMARKS.md). Starts Holdfast from {@code app/target/holdfast.jar}
 * as its own process on H2 and on PostgreSQL and prints commands/s, latencies, projection lag, heap,
 * CPU per 1,000 commands, replay rates and long-history latency against the baselines.
 *
 * <pre>
 * java -jar benchmarks/target/holdfast-benchmarks.jar [--parts load,replay,history,faults] [--stores h2,postgres]
 *      [--clients 16] [--rounds 3] [--warm-up 5] [--seconds 20] [--replay-events 1000000]
 *      [--projections audit-trail,...]   (the projections whose rebuild the replay part measures; all by default)
 *      [--history-events 10000] [--jar app/target/holdfast.jar] [--work benchmarks/target/run]
 *      [--jar-before earlier/holdfast.jar]   (the load part also runs that build of Holdfast, alternating, and
 *                                  sets its CPU per command and, on PostgreSQL, its commits per command beside)
 *      [--holdfast-args "--name=value ..."]   (extra settings for Holdfast as shipped, to try a change)
 *      [--holdfast-jvm "-Xmx512m -XX:+UseParallelGC"]   (JVM options for Holdfast as shipped instead of the default ones)
 *      [--faults kill,postgres-restart,postgres-cut,postgres-slow,disk-full] [--strikes 5] [--fault-clients 4]
 *                    (faults under the lifecycle load, every request's outcome checked against the store;
 *                     exits 1 on any anomaly or answer 500)
 *      [--parts paced] [--rate 400]   (Holdfast alone at that many commands/s: latencies and how the lag spreads)
 *      [--flight-recording true] [--flight-settings profile|file.jfc]   (JFR files in the work directory: the first measured load round, each replay)
 *      [--parts screening] [--screening-addresses 1000000] [--designated-addresses 1000] [--list-megabytes 50]
 *                                  (sanctions screening: bulk registration, a generated SDN XML import, the screening run)
 *      [--parts ledger] [--ledger-events 1000000]   (commands with the ledger appending and idle; its rebuild; proofs over a million leaves; 0: the commands only)
 *      [--parts first-minute] [--aot-dir app/target/fast-start]   (run with JDK 25's java: the first minutes after UP,
 *                                  started plainly and from bin/start-holdfast's ahead-of-time cache, alternating)
 *      [--parts capacity] [--scales 0.001,0.01]   (costs as the store grows to those fractions of a year of 10 million cases)
 *      [--parts console] [--console-cases 1000,100000]   (each console page's API reads, timed, as the store grows)
 *      [--parts lists] [--advanced-megabytes 110] [--ofac-data ../shared/ofac-data]
 *                                  (a whole list in each of OFAC's forms imported with -Xmx160m)
 * </pre>
 */
public final class BenchmarkMain {

    private BenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        List<String> parts =
                List.of(options.getOrDefault("parts", "load,replay,history").split(","));
        List<Store> stores = Arrays.stream(
                        options.getOrDefault("stores", "h2,postgres").split(","))
                .map(name -> Store.valueOf(name.trim().toUpperCase()))
                .toList();
        int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warm-up", "5")));
        Duration window = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "20")));
        int replayEvents = Integer.parseInt(options.getOrDefault("replay-events", "1000000"));
        List<String> replayed = options.containsKey("projections")
                ? List.of(options.get("projections").split(","))
                : Variant.PROJECTIONS;
        if (!Variant.PROJECTIONS.containsAll(replayed)) {
            System.err.println("--projections takes some of " + String.join(",", Variant.PROJECTIONS));
            System.exit(2);
        }
        int historyEvents = Integer.parseInt(options.getOrDefault("history-events", "10000"));
        List<String> holdfastArguments = options.containsKey("holdfast-args")
                ? List.of(options.get("holdfast-args").trim().split("\\s+"))
                : List.of();
        List<String> holdfastJvmOptions = options.containsKey("holdfast-jvm")
                ? List.of(options.get("holdfast-jvm").trim().split("\\s+"))
                : Deployment.JVM_OPTIONS;
        Path jar =
                Path.of(options.getOrDefault("jar", "app/target/holdfast.jar")).toAbsolutePath();
        Path jarBefore = options.containsKey("jar-before")
                ? Path.of(options.get("jar-before")).toAbsolutePath()
                : null;
        Path work =
                Path.of(options.getOrDefault("work", "benchmarks/target/run")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            System.err.println(
                    "Holdfast's jar is not at " + jar + ": build it first (mvn -B -Pbenchmarks -DskipTests package)");
            System.exit(2);
        }
        deleteRecursively(work);
        Files.createDirectories(work);
        Tokens tokens = new Tokens(work);
        long mismatches = 0;
        try (Report report = new Report(work.resolve("benchmark-report.md"))) {
            report.line("# Holdfast benchmark, %s", Instant.now());
            report.line("");
            report.line("Machine: %s", Machine.describe());
            report.line(
                    "Holdfast: %s, JVM options %s (the naive configuration %s)",
                    jar.getFileName(), holdfastJvmOptions, Deployment.JVM_OPTIONS);
            report.line("Command: java -jar benchmarks/target/holdfast-benchmarks.jar %s", String.join(" ", args));
            report.line("");
            for (Store store : stores) {
                try (Deployment deployment = Deployment.start(
                                store, work.resolve(store.name().toLowerCase()), jar, tokens)
                        .recordingFlights(Boolean.parseBoolean(options.getOrDefault("flight-recording", "false")))
                        .withFlightSettings(options.getOrDefault("flight-settings", "profile"))
                        .withHoldfastArguments(holdfastArguments)
                        .withHoldfastJvmOptions(holdfastJvmOptions)
                        .withJarBefore(jarBefore)) {
                    if (parts.contains("load")) {
                        new LoadBenchmark(deployment, tokens, report, clients, rounds, warmUp, window).run();
                    }
                    if (parts.contains("paced")) {
                        new LoadBenchmark(deployment, tokens, report, clients, rounds, warmUp, window)
                                .runPaced(Double.parseDouble(options.getOrDefault("rate", "400")));
                    }
                    if (parts.contains("replay") && store == Store.POSTGRES) {
                        new ReplayBenchmark(deployment, tokens, report, replayEvents, replayed).run();
                    }
                    if (parts.contains("history") && store == Store.POSTGRES) {
                        new LongHistoryBenchmark(deployment, tokens, report, historyEvents).run();
                    }
                    if (parts.contains("screening")) {
                        new ScreeningBenchmark(
                                        deployment,
                                        tokens,
                                        report,
                                        work.resolve("screening-" + store.name().toLowerCase()),
                                        Integer.parseInt(options.getOrDefault("screening-addresses", "1000000")),
                                        Integer.parseInt(options.getOrDefault("designated-addresses", "1000")),
                                        Integer.parseInt(options.getOrDefault("list-megabytes", "50")))
                                .run();
                    }
                    if (parts.contains("first-minute")) {
                        new FirstMinuteBenchmark(
                                        deployment,
                                        Path.of(options.getOrDefault("aot-dir", "app/target/fast-start")),
                                        tokens,
                                        report,
                                        clients,
                                        rounds)
                                .run();
                    }
                    if (parts.contains("capacity")) {
                        new CapacityBenchmark(
                                        deployment,
                                        tokens,
                                        report,
                                        listed(options, "scales", "0.001,0.01", Double::valueOf))
                                .run();
                    }
                    if (parts.contains("console")) {
                        new ConsolePagesBenchmark(
                                        deployment,
                                        tokens,
                                        report,
                                        listed(options, "console-cases", "1000,100000", Integer::valueOf),
                                        Path.of(options.getOrDefault(
                                                        "console-files", "app/src/main/resources/static/console"))
                                                .toAbsolutePath())
                                .run(store.name().toLowerCase());
                    }
                    if (parts.contains("lists")) {
                        new ListImportBenchmark(
                                        deployment,
                                        tokens,
                                        report,
                                        work.resolve("lists-" + store.name().toLowerCase()),
                                        Integer.parseInt(options.getOrDefault("advanced-megabytes", "110")),
                                        Path.of(options.getOrDefault("ofac-data", "../shared/ofac-data"))
                                                .toAbsolutePath())
                                .run();
                    }
                    if (parts.contains("ledger") && store == Store.POSTGRES) {
                        new LedgerBenchmark(
                                        deployment,
                                        tokens,
                                        report,
                                        Integer.parseInt(options.getOrDefault("ledger-events", "1000000")),
                                        clients,
                                        warmUp,
                                        window)
                                .run();
                    }
                    if (parts.contains("faults")) {
                        List<FaultRun.Result> results = new ArrayList<>();
                        for (String name : options.getOrDefault(
                                        "faults", "kill,postgres-restart,postgres-cut,postgres-slow,disk-full")
                                .split(",")) {
                            Fault fault = Fault.named(name.trim());
                            if (!fault.strikes(store)) {
                                continue;
                            }
                            results.add(new FaultRun(
                                            deployment,
                                            tokens,
                                            fault,
                                            Integer.parseInt(options.getOrDefault("strikes", "5")),
                                            Integer.parseInt(options.getOrDefault("fault-clients", "4")))
                                    .run());
                        }
                        mismatches += FaultRun.report(report, results);
                    }
                }
            }
            report.line("Report kept in %s", work.resolve("benchmark-report.md"));
        }
        if (mismatches > 0) {
            System.exit(1);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("options come as --name value; not understood: " + args[i]);
                System.exit(2);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    static void deleteRecursively(Path path) throws java.io.IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var files = Files.walk(path)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** A list option, {@code --name a,b,c}. */
    private static <T> List<T> listed(
            Map<String, String> options, String name, String otherwise, java.util.function.Function<String, T> parse) {
        return java.util.Arrays.stream(options.getOrDefault(name, otherwise).split(","))
                .map(String::trim)
                .map(parse)
                .toList();
    }
}

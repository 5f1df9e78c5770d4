package io.holdfast.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** What the whole machine spends: Holdfast, its database and the load driver share the same cores. */
final class Machine {

    private static final double TICKS_PER_SECOND = 100.0;
    private static volatile Path database;

    private Machine() {}

    /** Busy CPU seconds of all cores since boot (user, nice, system, irq, softirq, steal), or NaN off Linux. */
    static double busyCpuSeconds() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] fields = lines.get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(fields[i]);
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The data directory of the PostgreSQL server the harness started, whose CPU is measured from now on. */
    static void measureDatabaseIn(Path dataDirectory) {
        database = dataDirectory;
    }

    /**
     * CPU seconds used so far by the PostgreSQL server keeping its data in that directory: its
     * postmaster (found by the directory on its command line; pg_ctl started it, so it is no child of
     * the harness) and the processes it forked that are alive now (Holdfast's pooled connections live
     * as long as Holdfast does).
     */
    static double databaseCpuSeconds() {
        Path dataDirectory = database;
        if (dataDirectory == null) {
            return 0;
        }
        Path directory = dataDirectory.toAbsolutePath().normalize();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info()
                        .command()
                        .filter(command -> command.endsWith("/bin/postgres"))
                        .isPresent())
                .filter(process -> Arrays.stream(process.info().arguments().orElse(new String[0]))
                        .anyMatch(argument ->
                                argument.endsWith(directory.getFileName().toString())
                                        && Path.of(argument)
                                                .toAbsolutePath()
                                                .normalize()
                                                .equals(directory)))
                .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()))
                .mapToDouble(Machine::cpuSeconds)
                .sum();
    }

    /** CPU seconds this harness has used: in a measured window, the load driver's. */
    static double driverCpuSeconds() {
        return cpuSeconds(ProcessHandle.current());
    }

    private static double cpuSeconds(ProcessHandle process) {
        return process.info()
                .totalCpuDuration()
                .map(duration -> duration.toNanos() / 1e9)
                .orElse(0.0);
    }

    static String describe() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(cpu);
        } catch (IOException ignored) {
            // not Linux: the CPU stays unnamed
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return "%d cores (%s), %d MB RAM, Java %s, %s"
                .formatted(
                        Runtime.getRuntime().availableProcessors(),
                        cpu,
                        memory / (1024 * 1024),
                        Runtime.version(),
                        System.getProperty("os.name"));
    }
}

package io.holdfast.benchmarks;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load run with what the machine and the Holdfast process spent during its measured window, and
 * the time Holdfast's own HTTP metrics saw its commands take (from its first servlet filter to the
 * answer written), to set beside the time the portals saw.
 */
record Sampled<T>(
        T result,
        double machineCpuSeconds,
        double processCpuSeconds,
        double databaseCpuSeconds,
        double driverCpuSeconds,
        long maxHeapBytes,
        HoldfastProcess.Timed gcPauses,
        HoldfastProcess.Timed connectionWaits,
        HoldfastProcess.Timed commandsInside) {

    static final String GC_PAUSES = "jvm.gc.pause";
    static final String CONNECTION_WAITS = "hikaricp.connections.acquire";
    static final String COMMANDS_INSIDE = "http.server.requests?tag=method:POST";

    static <T> Sampled<T> of(Callable<T> load, Duration warmUp, Duration window, HoldfastProcess process)
            throws Exception {
        ExecutorService runner = Executors.newSingleThreadExecutor();
        ScheduledExecutorService heapSampler = Executors.newSingleThreadScheduledExecutor();
        AtomicLong maxHeap = new AtomicLong(-1);
        try {
            if (process != null) {
                heapSampler.scheduleAtFixedRate(
                        () -> {
                            try {
                                maxHeap.accumulateAndGet(process.heapUsedBytes(), Math::max);
                            } catch (RuntimeException e) {
                                // a missed sample under load; the next one counts
                            }
                        },
                        0,
                        500,
                        TimeUnit.MILLISECONDS);
            }
            Future<T> running = runner.submit(load);
            Thread.sleep(warmUp.toMillis());
            double machine0 = Machine.busyCpuSeconds();
            double process0 = process == null ? 0 : process.cpuSeconds();
            double database0 = Machine.databaseCpuSeconds();
            double driver0 = Machine.driverCpuSeconds();
            HoldfastProcess.Timed gc0 = timed(process, GC_PAUSES);
            HoldfastProcess.Timed connections0 = timed(process, CONNECTION_WAITS);
            HoldfastProcess.Timed commands0 = timed(process, COMMANDS_INSIDE);
            Thread.sleep(window.toMillis());
            double machine1 = Machine.busyCpuSeconds();
            double process1 = process == null ? 0 : process.cpuSeconds();
            double database1 = Machine.databaseCpuSeconds();
            double driver1 = Machine.driverCpuSeconds();
            HoldfastProcess.Timed gc1 = timed(process, GC_PAUSES);
            HoldfastProcess.Timed connections1 = timed(process, CONNECTION_WAITS);
            HoldfastProcess.Timed commands1 = timed(process, COMMANDS_INSIDE);
            T result = running.get();
            return new Sampled<>(
                    result,
                    machine1 - machine0,
                    process1 - process0,
                    database1 - database0,
                    driver1 - driver0,
                    maxHeap.get(),
                    gc1.since(gc0),
                    connections1.since(connections0),
                    commands1.since(commands0));
        } finally {
            heapSampler.shutdownNow();
            runner.shutdownNow();
        }
    }

    private static HoldfastProcess.Timed timed(HoldfastProcess process, String metric) {
        return process == null ? HoldfastProcess.Timed.NONE : process.timed(metric);
    }
}

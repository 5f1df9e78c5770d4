package io.holdfast.benchmarks;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A load run with what the machine and the Holdfast process spent during its measured window. */
record Sampled<T>(T result, double machineCpuSeconds, double processCpuSeconds, long maxHeapBytes) {

    static <T> Sampled<T> of(Callable<T> load, Duration warmUp, Duration window, HoldfastProcess process) throws Exception {
        ExecutorService runner = Executors.newSingleThreadExecutor();
        ScheduledExecutorService heapSampler = Executors.newSingleThreadScheduledExecutor();
        AtomicLong maxHeap = new AtomicLong(-1);
        try {
            if (process != null) {
                heapSampler.scheduleAtFixedRate(() -> {
                    try {
                        maxHeap.accumulateAndGet(process.heapUsedBytes(), Math::max);
                    } catch (RuntimeException e) {
                        // a missed sample under load; the next one counts
                    }
                }, 0, 500, TimeUnit.MILLISECONDS);
            }
            Future<T> running = runner.submit(load);
            Thread.sleep(warmUp.toMillis());
            double machine0 = Machine.busyCpuSeconds();
            double process0 = process == null ? 0 : process.cpuSeconds();
            Thread.sleep(window.toMillis());
            double machine1 = Machine.busyCpuSeconds();
            double process1 = process == null ? 0 : process.cpuSeconds();
            T result = running.get();
            return new Sampled<>(result, machine1 - machine0, process1 - process0, maxHeap.get());
        } finally {
            heapSampler.shutdownNow();
            runner.shutdownNow();
        }
    }
}

package io.holdfast.benchmarks;

import java.util.concurrent.atomic.AtomicLong;

/** Samples a Holdfast process's used heap every 200 ms and keeps the highest sample. */
final class HeapWatch {
    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    HeapWatch(HoldfastProcess holdfast) {
        sampler = new Thread(
                () -> {
                    while (running) {
                        try {
                            peak.accumulateAndGet(holdfast.heapUsedBytes(), Math::max);
                            Thread.sleep(200);
                        } catch (InterruptedException stop) {
                            return;
                        } catch (RuntimeException busy) {
                            // a sample missed while the process is busy; the next one counts
                        }
                    }
                },
                "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    long stop() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
        return peak.get();
    }
}

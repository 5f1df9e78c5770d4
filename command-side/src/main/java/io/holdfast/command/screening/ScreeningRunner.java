package io.holdfast.command.screening;

import io.holdfast.kernel.EventMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Works off queued screening runs on one thread per node: polls every
 * {@code holdfast.screening.poll-interval} and at once when this node queues a run. A run is
 * claimed in the database with a lease, so each runs on one node; a run whose node died is taken
 * up again when its lease ends (screening twice is harmless: a pair is never flagged twice).
 * At shutdown a run in progress pauses at its next step and is queued again for the next start;
 * its thread is never interrupted (an interrupt inside H2's file I/O closes the embedded database).
 * That is also why runs are not queued on db-scheduler with the deadlines: its shutdown interrupts
 * the threads still working after its wait, and a run lasts minutes where a deadline takes milliseconds.
 */
@Component
class ScreeningRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScreeningRunner.class);

    private final ScreeningRuns runs;
    private final Screening screening;
    private final MeterRegistry meters;
    private final Duration pollInterval;
    private final Duration lease;
    private final Duration shutdownWait;
    private volatile ScheduledExecutorService executor;
    private volatile boolean stopping;

    ScreeningRunner(ScreeningRuns runs, Screening screening, MeterRegistry meters, ScreeningSettings settings) {
        this.runs = runs;
        this.screening = screening;
        this.meters = meters;
        this.pollInterval = settings.pollInterval();
        this.lease = settings.lease();
        this.shutdownWait = settings.shutdownWait();
    }

    /**
     * Looks for work once the current transaction (which queued a run) has committed, or now
     * when there is none; a run is visible to the claim only after its commit.
     */
    void wakeAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wake();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wake();
            }
        });
    }

    private void wake() {
        ScheduledExecutorService running = executor;
        if (running != null && !running.isShutdown()) {
            running.execute(this::workOff);
        }
    }

    private void workOff() {
        try {
            for (String runId : runs.claimable(10)) {
                if (stopping) {
                    return;
                }
                if (runs.claim(runId, lease)) {
                    execute(runId);
                }
            }
        } catch (RuntimeException failure) {
            log.error("screening runs could not be read; retrying at the next poll", failure);
        }
    }

    private void execute(String runId) {
        // the run's id stands for the correlation id of a request: in every log line and on every event it causes
        MDC.put(EventMetadata.CORRELATION_ID, runId);
        try {
            executeClaimed(runId);
        } finally {
            MDC.remove(EventMetadata.CORRELATION_ID);
        }
    }

    private void executeClaimed(String runId) {
        ScreeningRun run = runs.find(runId).orElseThrow();
        log.info("screening run {} started ({})", runId, run.trigger());
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            RunCounts counts = screening.run(run, () -> stopping);
            runs.finish(runId, counts, counts.failure());
            outcome = counts.failure() == null ? "done" : "failed";
            log.info(
                    "screening run {} done: {} addresses screened, {} address matches, {} cases opened, "
                            + "{} already flagged, {} name matches for review",
                    runId,
                    counts.addressesScreened(),
                    counts.addressMatches(),
                    counts.flagsRaised(),
                    counts.alreadyFlagged(),
                    counts.nameMatches());
        } catch (ScreeningPaused paused) {
            outcome = "paused";
            runs.release(runId);
            log.info(
                    "screening run {} paused because Holdfast is shutting down; it is queued again and starts over "
                            + "at the next start (a pair already flagged is not flagged twice)",
                    runId);
        } catch (RuntimeException failure) {
            log.error("screening run {} failed", runId, failure);
            runs.finish(
                    runId,
                    RunCounts.none(),
                    "the screening stopped: " + failure.getMessage()
                            + "; start a new one with POST /api/screening/runs");
        } finally {
            Timer.builder("holdfast.screening.runs")
                    .description("screening runs by what started them and how they ended")
                    .tag("trigger", String.valueOf(run.trigger()))
                    .tag("outcome", outcome)
                    .register(meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void start() {
        stopping = false;
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sanctions-screening");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(
                this::workOff, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        stopping = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(shutdownWait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn(
                        "a screening step did not end within {}; its run is taken up again when its lease ends",
                        shutdownWait);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }

    @Override
    public int getPhase() {
        // after Axon's processors and the web server have started, before they stop
        return Integer.MAX_VALUE - 100;
    }
}

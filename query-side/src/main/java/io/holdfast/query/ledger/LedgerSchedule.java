package io.holdfast.query.ledger;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Appends settled entries every {@code append-interval} and signs a checkpoint every {@code checkpoint-interval}. */
@Component
class LedgerSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerSchedule.class);

    private final LedgerWriter writer;
    private final LedgerSettings settings;
    private volatile ScheduledExecutorService executor;

    LedgerSchedule(LedgerWriter writer, LedgerSettings settings) {
        this.writer = writer;
        this.settings = settings;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger");
            thread.setDaemon(true);
            return thread;
        });
        long append = settings.appendInterval().toMillis();
        long checkpoint = settings.checkpointInterval().toMillis();
        executor.scheduleWithFixedDelay(this::append, append, append, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::checkpoint, checkpoint, checkpoint, TimeUnit.MILLISECONDS);
    }

    private void append() {
        try {
            writer.appendSettled();
        } catch (RuntimeException failure) {
            log.warn("audit entries could not be added to the ledger; trying again shortly", failure);
        }
    }

    private void checkpoint() {
        try {
            writer.appendSettled();
            writer.checkpoint();
        } catch (RuntimeException failure) {
            log.warn("the ledger's checkpoint could not be signed; trying again at the next interval", failure);
        }
    }

    @Override
    public void stop() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
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
        // after the projections have started, before they stop
        return Integer.MAX_VALUE - 200;
    }
}

package io.holdfast.app.storage;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Holdfast started again in its process after the embedded store lost commits: everything the lost
 * Holdfast held in memory goes with its context, and the new one reads the store as its file holds
 * it. A start that fails (the disk still full) is tried again after a pause, without an operator.
 */
public final class StartAgainAfterStoreLoss implements ApplicationListener<EmbeddedStoreLost> {

    private static final Logger log = LoggerFactory.getLogger(StartAgainAfterStoreLoss.class);

    private static final String RESTORE_FROM = "holdfast.restore-from";

    /**
     * The room on the store's disk before Holdfast opens the store again: a Holdfast started on the
     * still full disk acknowledged writes that H2 then lost with its next failed write.
     */
    static final long ROOM_TO_START_AGAIN = 32L << 20;

    private final SpringApplication application;
    private final Duration pauseAfterAFailedStart;
    private final java.util.function.ToLongFunction<java.nio.file.Path> usableSpace;
    private final AtomicBoolean underway = new AtomicBoolean();

    public StartAgainAfterStoreLoss(SpringApplication application, Duration pauseAfterAFailedStart) {
        this(application, pauseAfterAFailedStart, StartAgainAfterStoreLoss::usableSpace);
    }

    StartAgainAfterStoreLoss(
            SpringApplication application,
            Duration pauseAfterAFailedStart,
            java.util.function.ToLongFunction<java.nio.file.Path> usableSpace) {
        this.application = application;
        this.pauseAfterAFailedStart = pauseAfterAFailedStart;
        this.usableSpace = usableSpace;
    }

    @Override
    public void onApplicationEvent(EmbeddedStoreLost loss) {
        if (!underway.compareAndSet(false, true)) {
            return;
        }
        // not a thread of the lost Holdfast: closing it stops those, and the process lives on in this one
        Thread startAgain = new Thread(() -> startAgain(loss.holdfast(), loss.storeFolder()), "holdfast-start-again");
        startAgain.setDaemon(false);
        startAgain.start();
    }

    /** Returns once the store's disk has room to start on, looking again after each pause. */
    void awaitRoom(java.nio.file.Path storeFolder) throws InterruptedException {
        boolean told = false;
        while (usableSpace.applyAsLong(storeFolder) < ROOM_TO_START_AGAIN) {
            if (!told) {
                log.warn(
                        "Holdfast starts again once the disk of {} has {} MB free",
                        storeFolder,
                        ROOM_TO_START_AGAIN >> 20);
                told = true;
            }
            Thread.sleep(pauseAfterAFailedStart.toMillis());
        }
    }

    private static long usableSpace(java.nio.file.Path folder) {
        try {
            return java.nio.file.Files.getFileStore(folder).getUsableSpace();
        } catch (java.io.IOException unreadable) {
            return 0;
        }
    }

    /** The first start's arguments, but a backup it restored is not restored again over the store. */
    static String[] againstTheStoreAsItIs(String[] firstStart) {
        return java.util.stream.Stream.concat(
                        java.util.Arrays.stream(firstStart).filter(arg -> !arg.startsWith("--" + RESTORE_FROM + "=")),
                        java.util.stream.Stream.of("--" + RESTORE_FROM + "="))
                .toArray(String[]::new);
    }

    private void startAgain(ConfigurableApplicationContext lost, java.nio.file.Path storeFolder) {
        String[] args =
                againstTheStoreAsItIs(lost.getBean(ApplicationArguments.class).getSourceArgs());
        lost.close();
        while (true) {
            try {
                awaitRoom(storeFolder);
                application.run(args);
                underway.set(false);
                log.info("Holdfast started again after the embedded store's loss");
                return;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failedStart) {
                log.error(
                        "Holdfast could not start again after the embedded store's loss; next try in {}",
                        pauseAfterAFailedStart,
                        failedStart);
                try {
                    Thread.sleep(pauseAfterAFailedStart.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}

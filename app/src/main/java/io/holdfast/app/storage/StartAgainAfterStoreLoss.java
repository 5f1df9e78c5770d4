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

    private final SpringApplication application;
    private final Duration pauseAfterAFailedStart;
    private final AtomicBoolean underway = new AtomicBoolean();

    public StartAgainAfterStoreLoss(SpringApplication application, Duration pauseAfterAFailedStart) {
        this.application = application;
        this.pauseAfterAFailedStart = pauseAfterAFailedStart;
    }

    @Override
    public void onApplicationEvent(EmbeddedStoreLost loss) {
        if (!underway.compareAndSet(false, true)) {
            return;
        }
        // not a thread of the lost Holdfast: closing it stops those, and the process lives on in this one
        Thread startAgain = new Thread(() -> startAgain(loss.holdfast()), "holdfast-start-again");
        startAgain.setDaemon(false);
        startAgain.start();
    }

    /** The first start's arguments, but a backup it restored is not restored again over the store. */
    static String[] againstTheStoreAsItIs(String[] firstStart) {
        return java.util.stream.Stream.concat(
                        java.util.Arrays.stream(firstStart).filter(arg -> !arg.startsWith("--" + RESTORE_FROM + "=")),
                        java.util.stream.Stream.of("--" + RESTORE_FROM + "="))
                .toArray(String[]::new);
    }

    private void startAgain(ConfigurableApplicationContext lost) {
        String[] args =
                againstTheStoreAsItIs(lost.getBean(ApplicationArguments.class).getSourceArgs());
        lost.close();
        while (true) {
            try {
                application.run(args);
                underway.set(false);
                log.info("Holdfast started again after the embedded store's loss");
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

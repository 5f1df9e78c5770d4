package io.holdfast.command.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Holdfast shutting down while a screening run flags accounts: the run pauses at its next step,
 * its thread is never interrupted (on the embedded default an interrupt inside H2's file I/O
 * closes the database for every other request still finishing), and the next start takes the run
 * up at once without flagging a pair twice.
 */
class ScreeningShutdownTest {

    private static final ScreeningSettings SETTINGS =
            new ScreeningSettings(Duration.ofMillis(20), Duration.ofMinutes(10), Duration.ofSeconds(10), 0.92);

    private static final int HOLDERS_OF_THE_LISTED_ADDRESS = 5;
    private static final Duration ONE_FLAG_TAKES = Duration.ofMillis(400);

    private final AtomicInteger flagsSent = new AtomicInteger();
    private final AtomicBoolean interruptedWhileFlagging = new AtomicBoolean();
    private final CountDownLatch firstFlagUnderWay = new CountDownLatch(1);
    private volatile boolean flagsAreSlow = true;

    private JdbcTemplate jdbc;
    private ScreeningRuns runs;
    private Screening screening;

    @BeforeEach
    void anAddressOnTheListHeldByFiveAccounts() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/h2/V50__screening.sql")).execute(database);
        jdbc = new JdbcTemplate(database);
        jdbc.update(
                "insert into screening_list values ('OFAC-SDN', 1, date '2026-11-01', ?, 'sdn_advanced.xml')",
                "ab".repeat(32));
        jdbc.update("insert into screening_entry values ('OFAC-SDN', '30001', 'Garantex Europe OU', 'CYBER2')");
        jdbc.update(
                "insert into screening_designation values ('OFAC-SDN', 'xbt:1boatslrhtknngkdxeeobr76b53lettpyt', '30001', "
                        + "'XBT', '1BoatSLRHtKNngkdXEeobR76b53LETtpyT')");
        for (int holder = 1; holder <= HOLDERS_OF_THE_LISTED_ADDRESS; holder++) {
            jdbc.update(
                    "insert into known_address values (?, 'xbt:1boatslrhtknngkdxeeobr76b53lettpyt', 'XBT', "
                            + "'1BoatSLRHtKNngkdXEeobR76b53LETtpyT', 'DEPOSIT', current_timestamp, 'kyc-import')",
                    "ACC-" + holder);
        }
        runs = new ScreeningRuns(jdbc);
        screening = new Screening(
                new KnownAddresses(jdbc),
                new Designations(jdbc),
                runs,
                flaggingGateway(),
                new DataSourceTransactionManager(database),
                SETTINGS);
    }

    private CommandGateway flaggingGateway() {
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.sendAndWait(any(Object.class))).thenAnswer(flag -> {
            flagsSent.incrementAndGet();
            firstFlagUnderWay.countDown();
            if (flagsAreSlow) {
                try {
                    Thread.sleep(ONE_FLAG_TAKES.toMillis());
                } catch (InterruptedException interrupted) {
                    interruptedWhileFlagging.set(true);
                }
            }
            return null;
        });
        return gateway;
    }

    private ScreeningRunner runner() {
        return new ScreeningRunner(
                runs, screening, new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), SETTINGS);
    }

    @Test
    void aRunInProgressPausesAtItsNextStepWithoutAnInterruptAndTheNextStartFinishesIt() throws InterruptedException {
        String runId = runs.queueRequested();
        ScreeningRunner stopping = runner();
        stopping.start();
        assertThat(firstFlagUnderWay.await(10, TimeUnit.SECONDS))
                .as("the run started flagging")
                .isTrue();

        stopping.stop();

        assertThat(interruptedWhileFlagging)
                .as("the thread flagging an account was interrupted")
                .isFalse();
        assertThat(flagsSent).as("flags sent before the run paused").hasValue(1);
        assertThat(runs.find(runId).orElseThrow().status()).isEqualTo(ScreeningRun.Status.QUEUED);
        assertThat(runs.claimable(10))
                .as("runs the next start takes up at once")
                .containsExactly(runId);

        flagsAreSlow = false;
        ScreeningRunner nextStart = runner();
        nextStart.start();
        try {
            ScreeningRun finished = awaitFinished(runId);
            assertThat(finished.status()).isEqualTo(ScreeningRun.Status.DONE);
            assertThat(finished.flagsRaised()).isEqualTo(HOLDERS_OF_THE_LISTED_ADDRESS - 1);
            assertThat(finished.alreadyFlagged()).isEqualTo(1);
            assertThat(flagsSent)
                    .as("each holder flagged once over both starts")
                    .hasValue(HOLDERS_OF_THE_LISTED_ADDRESS);
        } finally {
            nextStart.stop();
        }
    }

    private ScreeningRun awaitFinished(String runId) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < giveUp) {
            ScreeningRun run = runs.find(runId).orElseThrow();
            if (run.status() == ScreeningRun.Status.DONE || run.status() == ScreeningRun.Status.FAILED) {
                return run;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("screening run " + runId + " did not finish within 10 s of the next start");
    }
}

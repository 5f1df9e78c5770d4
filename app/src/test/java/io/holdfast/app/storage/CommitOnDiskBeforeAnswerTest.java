package io.holdfast.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.app.HoldfastApplication;
import io.holdfast.app.request.StoreDurability;
import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FlagReason;
import io.holdfast.kernel.Role;
import io.holdfast.kernel.Subject;
import io.holdfast.kernel.freezecase.FlagAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the embedded store a command is answered only after the disk is asked to hold its commit, once
 * that commit is made (also when it is an Idempotency-Key's transaction, committed after the command),
 * and a command whose commit the disk does not hold fails instead of being answered as done.
 */
class CommitOnDiskBeforeAnswerTest {

    private static final Actor OFFICER = Actor.of("officer", Role.OFFICER);

    /** Per wait: how many events of the case the store showed to another connection then. */
    private static final List<Long> shownAtEachWait = new CopyOnWriteArrayList<>();

    private static volatile String watchedCase = "";
    private static volatile boolean diskFails;
    private static ConfigurableApplicationContext holdfast;
    private static Path dataDir;

    @Configuration(proxyBeanMethods = false)
    static class WatchedDisk {
        @Bean
        @Primary
        StoreDurability watchedDurability(JdbcTemplate jdbc) {
            return () -> {
                shownAtEachWait.add(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?",
                        Long.class,
                        watchedCase));
                if (diskFails) {
                    throw new DataAccessResourceFailureException("the disk lost the commit");
                }
            };
        }
    }

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("holdfast-commit-on-disk");
        holdfast = new SpringApplicationBuilder(HoldfastApplication.class, WatchedDisk.class)
                .run("--holdfast.data-dir=" + dataDir, "--server.port=0");
    }

    @AfterAll
    static void stop() {
        holdfast.close();
        holdfast = null;
    }

    @BeforeEach
    void diskHolds() {
        diskFails = false;
        shownAtEachWait.clear();
    }

    @Test
    void aCommandIsAnsweredAfterTheWaitForItsCommit() {
        watchedCase = "CASE-ON-DISK-1";

        commands().sendAndWait(flag(watchedCase));

        assertThat(shownAtEachWait)
                .as("one wait, once the case's event was committed")
                .containsExactly(1L);
    }

    @Test
    void inATransactionBegunBeforeTheCommandTheWaitFollowsThatTransactionsCommit() {
        watchedCase = "CASE-ON-DISK-2";
        TransactionTemplate idempotencyKeys =
                new TransactionTemplate(holdfast.getBean(PlatformTransactionManager.class));

        idempotencyKeys.executeWithoutResult(transaction -> {
            commands().sendAndWait(flag(watchedCase));
            assertThat(shownAtEachWait).as("no wait before the commit").isEmpty();
        });

        assertThat(shownAtEachWait).containsExactly(1L);
    }

    @Test
    void aCommandWhoseCommitTheDiskDoesNotHoldFails() {
        watchedCase = "CASE-ON-DISK-3";
        diskFails = true;

        assertThatThrownBy(() -> commands().sendAndWait(flag(watchedCase)))
                .hasStackTraceContaining("the disk lost the commit");
    }

    private static CommandGateway commands() {
        return holdfast.getBean(CommandGateway.class);
    }

    private static FlagAccount flag(String caseId) {
        return new FlagAccount(
                CaseId.of(caseId),
                AccountId.of("ACC-" + caseId),
                new Subject("K", List.of()),
                FlagReason.internalInvestigation(null),
                List.of(),
                OFFICER);
    }
}

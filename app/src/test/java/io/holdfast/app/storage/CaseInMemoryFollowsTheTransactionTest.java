package io.holdfast.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.HoldfastApplication;
import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FlagReason;
import io.holdfast.kernel.OrderType;
import io.holdfast.kernel.Role;
import io.holdfast.kernel.ScopeItem;
import io.holdfast.kernel.Sha256;
import io.holdfast.kernel.Subject;
import io.holdfast.kernel.Warrant;
import io.holdfast.kernel.WarrantId;
import io.holdfast.kernel.freezecase.FlagAccount;
import io.holdfast.kernel.freezecase.RecordWarrant;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A command run inside a transaction begun before it (as an Idempotency-Key's is) whose commit then
 * fails leaves no trace: the case kept in memory is dropped with it, so the case's next command is
 * judged against what the store holds, not against the events that were never stored.
 */
class CaseInMemoryFollowsTheTransactionTest {

    private static final CaseId CASE = CaseId.of("CASE-ROLLED-BACK");
    private static final Actor OFFICER = Actor.of("officer", Role.OFFICER);

    @TempDir
    Path dataDir;

    @Test
    void aWarrantWhoseTransactionRolledBackCanBeRecordedAgainAndTheCaseHasNoGap() {
        try (ConfigurableApplicationContext holdfast = new SpringApplicationBuilder(HoldfastApplication.class)
                .run("--holdfast.data-dir=" + dataDir, "--server.port=0")) {
            CommandGateway commands = holdfast.getBean(CommandGateway.class);
            TransactionTemplate outer = new TransactionTemplate(holdfast.getBean(PlatformTransactionManager.class));
            commands.sendAndWait(flag());

            outer.executeWithoutResult(transaction -> {
                commands.sendAndWait(new RecordWarrant(CASE, warrant(), OFFICER));
                // the commit that would keep it fails, as on a full disk
                transaction.setRollbackOnly();
            });
            commands.sendAndWait(new RecordWarrant(CASE, warrant(), OFFICER));

            assertThat(holdfast.getBean(EventStore.class)
                            .readEvents(CASE.value(), 0)
                            .asStream()
                            .map(DomainEventMessage::getSequenceNumber)
                            .toList())
                    .containsExactly(0L, 1L);
        }
    }

    @Test
    void aCaseWhoseOpeningRolledBackCanBeFlaggedAgain() {
        try (ConfigurableApplicationContext holdfast = new SpringApplicationBuilder(HoldfastApplication.class)
                .run("--holdfast.data-dir=" + dataDir, "--server.port=0")) {
            CommandGateway commands = holdfast.getBean(CommandGateway.class);
            TransactionTemplate outer = new TransactionTemplate(holdfast.getBean(PlatformTransactionManager.class));

            outer.executeWithoutResult(transaction -> {
                commands.sendAndWait(flag());
                // the commit that would keep it fails, as when the network to the database is cut
                transaction.setRollbackOnly();
            });
            commands.sendAndWait(flag());

            assertThat(holdfast.getBean(EventStore.class)
                            .readEvents(CASE.value(), 0)
                            .asStream()
                            .map(DomainEventMessage::getSequenceNumber)
                            .toList())
                    .containsExactly(0L);
        }
    }

    private static FlagAccount flag() {
        return new FlagAccount(
                CASE,
                AccountId.of("ACC-ROLLED-BACK"),
                new Subject("K", List.of()),
                FlagReason.internalInvestigation(null),
                List.of(),
                OFFICER);
    }

    private static Warrant warrant() {
        return new Warrant(
                WarrantId.of("W-1"),
                OrderType.FREEZE_ORDER,
                "court",
                AgencyCode.of("FBI"),
                "US",
                "REF-1",
                Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)),
                List.of(ScopeItem.unlimited("BTC")),
                Sha256.of("a".repeat(64)));
    }
}

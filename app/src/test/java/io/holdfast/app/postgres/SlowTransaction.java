package io.holdfast.app.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FlagReason;
import io.holdfast.kernel.Role;
import io.holdfast.kernel.Subject;
import io.holdfast.kernel.freezecase.AccountFlagged;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction that appends a case's flag, so taking its global index, and commits only when told:
 * the write that commits after later ones.
 */
final class SlowTransaction {

    private final CountDownLatch appended = new CountDownLatch(1);
    private final CountDownLatch commit = new CountDownLatch(1);
    private final Thread thread;

    private SlowTransaction(ConfigurableApplicationContext context, String caseId) {
        EventStore eventStore = context.getBean(EventStore.class);
        TransactionTemplate inTransaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        AccountFlagged flag = new AccountFlagged(
                CaseId.of(caseId),
                AccountId.of("ACC-1"),
                new Subject("Slow", List.of()),
                FlagReason.internalInvestigation(null),
                List.of(),
                Actor.of("officer", Role.OFFICER));
        thread = new Thread(
                () -> inTransaction.executeWithoutResult(status -> {
                    eventStore.publish(new GenericDomainEventMessage<>("FreezeCase", caseId, 0, flag));
                    appended.countDown();
                    try {
                        commit.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }),
                "slow-transaction");
    }

    /** Flags {@code caseId} in a transaction left open, once its event has its global index. */
    static SlowTransaction open(ConfigurableApplicationContext context, String caseId) throws InterruptedException {
        SlowTransaction slow = new SlowTransaction(context, caseId);
        slow.thread.start();
        assertThat(slow.appended.await(30, TimeUnit.SECONDS)).isTrue();
        return slow;
    }

    void commit() throws InterruptedException {
        commit.countDown();
        thread.join(30_000);
    }
}

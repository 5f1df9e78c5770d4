package io.holdfast.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.framework.QueriesWithoutTransactions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.junit.jupiter.api.Test;

/** Which units of work get a database transaction. */
class QueriesWithoutTransactionsTest {

    private final List<String> started = new ArrayList<>();
    private final TransactionManager transactions = new QueriesWithoutTransactions(() -> {
        started.add("transaction");
        return new Transaction() {
            @Override
            public void commit() {
                started.add("commit");
            }

            @Override
            public void rollback() {
                started.add("rollback");
            }
        };
    });

    @Test
    void aQueryIsAnsweredWithoutATransaction() {
        within(
                new GenericQueryMessage<>("find case-1", ResponseTypes.instanceOf(String.class)),
                () -> transactions.startTransaction().commit());

        assertThat(started).isEmpty();
    }

    @Test
    void commandsAndEventsAreHandledInATransaction() {
        Stream.of(
                        GenericCommandMessage.asCommandMessage("add a note"),
                        GenericEventMessage.asEventMessage("note added"))
                .forEach(message ->
                        within(message, () -> transactions.startTransaction().commit()));

        assertThat(started).containsExactly("transaction", "commit", "transaction", "commit");
    }

    @Test
    void workOutsideAnyUnitOfWorkIsInATransaction() {
        transactions.startTransaction().rollback();

        assertThat(started).containsExactly("transaction", "rollback");
    }

    private static void within(Message<?> message, Runnable work) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        try {
            work.run();
        } finally {
            unitOfWork.commit();
        }
    }
}

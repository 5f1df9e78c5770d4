package io.holdfast.query;

import java.util.List;
import java.util.function.Consumer;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/** Hands events to a projection the way a tracking processor does: one unit of work and one transaction for the whole batch, then its commit. */
public final class ProcessorBatch {

    private ProcessorBatch() {}

    /** The outcome of the batch: exceptional when an event or the commit failed (the processor then tries the batch again). */
    public static ResultMessage<?> handle(
            JdbcTemplate jdbc, List<? extends EventMessage<?>> events, Consumer<EventMessage<?>> handler) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.copyOf(events));
        PlatformTransactionManager transactions = new DataSourceTransactionManager(jdbc.getDataSource());
        batch.attachTransaction(() -> {
            TransactionStatus status = transactions.getTransaction(new DefaultTransactionDefinition());
            return new Transaction() {
                @Override
                public void commit() {
                    transactions.commit(status);
                }

                @Override
                public void rollback() {
                    transactions.rollback(status);
                }
            };
        });
        return batch.executeWithResult(() -> {
            handler.accept(batch.getMessage());
            return null;
        });
    }
}

package io.holdfast.app.framework;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryMessage;

/**
 * Axon's transactions for commands, events, sagas and deadlines, and none for a query. Axon opens
 * one around every query handler; a read of a projection's rows needs none, and on PostgreSQL the
 * transaction cost every read a second round trip to the database (its commit), each waiting for a
 * core when the machine is busy. Both databases read committed data, statement by statement, so no
 * answer changes: a statement inside a transaction sees the same rows as one outside it. A query
 * asked from within a command's transaction still reads in that transaction.
 */
public final class QueriesWithoutTransactions implements TransactionManager {

    private static final Transaction NONE = new Transaction() {
        @Override
        public void commit() {
            // a query wrote nothing
        }

        @Override
        public void rollback() {
            // a query wrote nothing
        }
    };

    private final TransactionManager transactions;

    public QueriesWithoutTransactions(TransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public Transaction startTransaction() {
        return answeringAQuery() ? NONE : transactions.startTransaction();
    }

    private static boolean answeringAQuery() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().getMessage() instanceof QueryMessage;
    }
}

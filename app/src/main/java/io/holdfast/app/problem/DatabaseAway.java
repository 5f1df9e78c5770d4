package io.holdfast.app.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure caused by the database being out of reach (stopped, restarting, the network to it
 * cut, its connections all lost) from every other failure: such a request is answered 503 with
 * Retry-After, since sending it again once the database is back is the remedy.
 */
public final class DatabaseAway {

    private DatabaseAway() {}

    /** What kept the request from the database, or empty when the failure is of another kind. */
    public static Optional<String> reason(Throwable failure) {
        return firstCause(failure, DatabaseAway::outOfReach)
                .map(cause -> cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    /**
     * The failure itself or the first of its causes that is of the kind sought: their causes, and for
     * an SQL failure the ones it chains as next (a batch's driver failure is chained so, not as cause).
     */
    public static Optional<Throwable> firstCause(Throwable failure, java.util.function.Predicate<Throwable> kind) {
        java.util.Deque<Throwable> toLook = new java.util.ArrayDeque<>(List.of(failure));
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!toLook.isEmpty()) {
            Throwable cause = toLook.removeFirst();
            if (!seen.add(cause)) {
                continue;
            }
            if (kind.test(cause)) {
                return Optional.of(cause);
            }
            if (cause instanceof SQLException sql && sql.getNextException() != null) {
                toLook.addFirst(sql.getNextException());
            }
            if (cause.getCause() != null) {
                toLook.addFirst(cause.getCause());
            }
        }
        return Optional.empty();
    }

    private static boolean outOfReach(Throwable cause) {
        return cause instanceof DataAccessResourceFailureException
                || cause instanceof CannotCreateTransactionException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                // SQL states of class 08 (connection exception) and PostgreSQL's 57P01-57P03 (the server is
                // shutting down, crashed or not yet accepting connections)
                || cause instanceof SQLException sql
                        && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08")
                                || sql.getSQLState().matches("57P0[123]"))
                || closedByThePool(cause)
                || embeddedStoreClosed(cause);
    }

    /** H2's error codes for a database closed after a failed write, and for one shut down under a connection. */
    static final java.util.Set<Integer> H2_DATABASE_CLOSED =
            java.util.Set.of(org.h2.api.ErrorCode.DATABASE_IS_CLOSED, org.h2.api.ErrorCode.DATABASE_CALLED_AT_SHUTDOWN);

    /**
     * The embedded store closed under the request: H2 closes its database when it cannot write its file,
     * and a connection opened before answers with the store's own "closed" from then on.
     */
    public static boolean embeddedStoreClosed(Throwable cause) {
        return cause instanceof SQLException sql && H2_DATABASE_CLOSED.contains(sql.getErrorCode())
                || cause instanceof org.h2.mvstore.MVStoreException store
                        && store.getErrorCode() == org.h2.mvstore.DataUtils.ERROR_CLOSED;
    }

    static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    /**
     * HikariCP hands out a closed stand-in once a connection broke (the database went away under it),
     * and its every call throws this without an SQL state.
     */
    private static boolean closedByThePool(Throwable cause) {
        return cause instanceof SQLException sql
                && sql.getSQLState() == null
                && HIKARI_CLOSED_CONNECTION.equals(sql.getMessage());
    }
}

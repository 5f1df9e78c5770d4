package io.holdfast.query.performance;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Runs one event's read-model writes inside a savepoint of the projection's transaction. If they
 * fail, only they are undone and the transaction stays usable (PostgreSQL refuses every further
 * statement of a transaction in which one failed), so the event can be parked in the dead-letter
 * queue and the rest of the batch goes on.
 */
public class ReadModelWrites {

    private final Consumer<Runnable> runner;

    private ReadModelWrites(Consumer<Runnable> runner) {
        this.runner = runner;
    }

    /** Savepoints on the JDBC connection of the projection's transaction (the JPA transaction manager offers none). */
    public static ReadModelWrites inSavepoints(DataSource dataSource) {
        return new ReadModelWrites(writes -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                if (connection.getAutoCommit()) {
                    writes.run();
                    return;
                }
                Savepoint savepoint = connection.setSavepoint();
                try {
                    writes.run();
                } catch (RuntimeException failure) {
                    connection.rollback(savepoint);
                    throw failure;
                }
                connection.releaseSavepoint(savepoint);
            } catch (SQLException savepointFailure) {
                throw new IllegalStateException("a read-model savepoint could not be kept", savepointFailure);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });
    }

    /** Writes straight through, for tests that drive a projection without a transaction manager. */
    public static ReadModelWrites direct() {
        return new ReadModelWrites(Runnable::run);
    }

    public void apply(Runnable writes) {
        runner.accept(writes);
    }
}

package io.holdfast.app.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;

/** The H2 file store behind a connection, reached through H2's internals; a test fails when they move. */
final class EmbeddedFileStore {

    private EmbeddedFileStore() {}

    /** The file store behind a connection to an H2 database in this process; none for any other. */
    static Optional<MVStore> of(Connection connection) throws SQLException {
        return databaseOf(connection)
                .map(Database::getStore)
                .map(Store::getMvStore)
                .filter(store -> store.getFileStore() != null);
    }

    /** The H2 database behind a connection to one in this process; none for any other. */
    static Optional<Database> databaseOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        return Optional.of(session.getDatabase());
    }
}

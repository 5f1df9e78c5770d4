package io.holdfast.app.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;

/** The H2 file store behind a connection, reached through H2's internals; a test fails when they move. */
final class EmbeddedFileStore {

    private EmbeddedFileStore() {}

    /** The file store behind a connection to an H2 database in this process; none for any other. */
    static Optional<MVStore> of(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        Store store = session.getDatabase().getStore();
        if (store == null || store.getMvStore().getFileStore() == null) {
            return Optional.empty();
        }
        return Optional.of(store.getMvStore());
    }
}

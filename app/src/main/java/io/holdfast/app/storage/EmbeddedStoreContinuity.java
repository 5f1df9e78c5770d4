package io.holdfast.app.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.h2.engine.Database;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The embedded store's connections, refused once H2 has lost commits under this process. H2 shows a
 * commit to every connection before it is in the file; when writing the file fails (a full disk) it
 * closes the database and a new connection opens it again from the file, without the commits it had
 * shown. What Holdfast holds in memory (the event cache its projections share, their positions, the
 * ledger's tree) then describes events the store no longer has, and would hand them on into the
 * reopened store. So a connection to a reopened store whose predecessor failed is refused, and the
 * loss is reported once, for Holdfast to start again from what the file holds.
 */
public final class EmbeddedStoreContinuity extends DelegatingDataSource {

    /** Class 08, connection exception: every caller already answers it as the store out of reach. */
    static final String SQL_STATE = "08006";

    private final java.util.function.Consumer<java.nio.file.Path> reportLoss;
    private final AtomicBoolean lost = new AtomicBoolean();
    private volatile Database current;

    /** {@code reportLoss} is told the folder of the store that lost commits. */
    public EmbeddedStoreContinuity(DataSource pool, java.util.function.Consumer<java.nio.file.Path> reportLoss) {
        super(pool);
        this.reportLoss = reportLoss;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return continuing(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return continuing(super.getConnection(username, password));
    }

    public boolean storeLost() {
        return lost.get();
    }

    /**
     * Lets go of the database once Holdfast closes: a library may keep this data source in a static
     * field (Flyway's logging does), and the database would then outlive Holdfast with its caches.
     */
    synchronized void forget() {
        current = null;
    }

    private Connection continuing(Connection connection) throws SQLException {
        if (!lost.get()) {
            Optional<Database> database = EmbeddedFileStore.databaseOf(connection);
            if (database.isEmpty() || continues(database.get())) {
                return connection;
            }
        }
        connection.close();
        throw new SQLNonTransientConnectionException(
                "the embedded store failed to write its file and was opened again without commits it had shown;"
                        + " Holdfast starts again from what the file holds",
                SQL_STATE);
    }

    /**
     * Whether the database behind a new connection carries on from the one before: the same, or a
     * successor of one closed in good order (H2 closes a database when its last connection closes).
     */
    private boolean continues(Database database) {
        return current == database || continuesAfterAChange(database);
    }

    private synchronized boolean continuesAfterAChange(Database database) {
        Database before = current;
        if (before == database) {
            return true;
        }
        if (before != null && failed(before)) {
            if (lost.compareAndSet(false, true)) {
                reportLoss.accept(folderOf(before));
            }
            return false;
        }
        current = database;
        return true;
    }

    private static java.nio.file.Path folderOf(Database database) {
        org.h2.store.fs.FilePath file = org.h2.store.fs.FilePath.get(database.getDatabasePath());
        while (file instanceof org.h2.store.fs.FilePathWrapper wrapper) {
            file = wrapper.unwrap();
        }
        String name = file.toString();
        return java.nio.file.Path.of(name.startsWith("file:") ? name.substring("file:".length()) : name)
                .toAbsolutePath()
                .getParent();
    }

    private static boolean failed(Database database) {
        return database.getStore() != null && database.getStore().getMvStore().getPanicException() != null;
    }
}

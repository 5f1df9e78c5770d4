package io.holdfast.app.storage;

import io.holdfast.app.request.StoreDurability;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * H2 shows a commit to every connection as soon as it is made, and writes it to its file under a lock
 * the committing thread may still be waiting for: a retry read the answer of a write another thread
 * had committed and was told 201 for it, and the disk then full lost that write. Waiting here for
 * H2 to write what it shows puts what was read on the disk, or fails as that write fails.
 */
final class EmbeddedStoreDurability implements StoreDurability {

    private final DataSource dataSource;
    private final AtomicReference<MVStore> lastSeen = new AtomicReference<>();

    EmbeddedStoreDurability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Waits on the store last seen behind a connection, without taking one: once the store is lost the
     * pool has none to give and would keep the command waiting for its whole time-out. A store closed
     * without a failure (H2 opens the file again when every connection has closed) is looked up anew.
     */
    @Override
    public void awaitDiskHoldsWhatIsShown() {
        MVStore store = lastSeen.get();
        try {
            if (store == null || (store.isClosed() && store.getPanicException() == null)) {
                store = storeBehindAConnection();
                if (store == null) {
                    return;
                }
                lastSeen.set(store);
            }
            written(store);
        } catch (SQLException unreachable) {
            throw new DataAccessResourceFailureException("the embedded store could not be reached", unreachable);
        }
    }

    private MVStore storeBehindAConnection() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return EmbeddedFileStore.of(connection).orElse(null);
        }
    }

    /** Writes what the store shows and has not written, waiting for a write under way; fails if it failed. */
    static void written(MVStore store) throws SQLException {
        store.commit();
        if (store.getPanicException() != null) {
            throw store.getPanicException();
        }
        if (store.isClosed()) {
            throw new SQLNonTransientConnectionException(
                    "the embedded store closed before it wrote what was read", EmbeddedStoreContinuity.SQL_STATE);
        }
    }
}

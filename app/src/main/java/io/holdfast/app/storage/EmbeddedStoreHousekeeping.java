package io.holdfast.app.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * H2's file housekeeping for the embedded store, run by Holdfast: with {@code WRITE_DELAY=0}, which
 * puts each commit in the file before it is answered, H2 stops the background thread that would do
 * it, and the file grew to thirty times its rows (BENCHMARKS.md, "The embedded file"). Each round
 * forces the file onto the disk, then rewrites the sparsest chunks so the space of the ones no longer
 * used is taken again. H2 overwrites a chunk no longer used only after its retention time, on the
 * premise that the disk holds the newer chunks by then; the flush each round makes that true for a
 * retention of a few rounds instead of H2's 45 s, which bounds the file to its rows and a few
 * seconds of commits.
 */
public final class EmbeddedStoreHousekeeping implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreHousekeeping.class);

    /** H2's own threshold: chunks are rewritten while fewer than this share of their bytes live. */
    private static final int TARGET_FILL_PERCENT = 90;

    private static final int REWRITE_BYTES_PER_ROUND = 16 << 20;

    private static final Duration PAUSE_AFTER_A_FAILURE = Duration.ofMinutes(1);

    private final DataSource dataSource;
    private final Duration interval;
    private final Duration retention;
    private final ScheduledExecutorService rounds;
    private volatile long pausedUntil = System.nanoTime();
    private MVStore keptStore;
    private long writesKept;

    public EmbeddedStoreHousekeeping(DataSource dataSource, Duration interval, Duration retention) {
        if (retention.compareTo(interval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException(
                    "the retention must cover at least two rounds, or a chunk could be overwritten before the disk holds its successor");
        }
        this.dataSource = dataSource;
        this.interval = interval;
        this.retention = retention;
        this.rounds = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "holdfast-embedded-store-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        long millis = interval.toMillis();
        rounds.scheduleWithFixedDelay(this::round, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * One round. A store that is closed or cannot be written (a full disk) is left alone for a minute:
     * the housekeeping neither opens it again nor touches it while H2 closes it.
     */
    void round() {
        if (System.nanoTime() - pausedUntil < 0) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            fileStoreOf(connection).filter(store -> !store.isClosed()).ifPresent(this::keep);
        } catch (SQLException | RuntimeException away) {
            pausedUntil = System.nanoTime() + PAUSE_AFTER_A_FAILURE.toNanos();
            log.debug("embedded store housekeeping pauses for a minute: {}", away.toString());
        }
    }

    /** A store nothing was written to since the last round is left alone: there is nothing to force or to rewrite. */
    private void keep(MVStore store) {
        long writes = store.getFileStore().getWriteCount();
        if (store == keptStore && writes == writesKept) {
            return;
        }
        store.setRetentionTime((int) retention.toMillis());
        store.sync();
        store.compact(TARGET_FILL_PERCENT, REWRITE_BYTES_PER_ROUND);
        keptStore = store;
        writesKept = writes;
    }

    /** The file store behind a connection to an H2 database in this process; none for any other. */
    static Optional<MVStore> fileStoreOf(Connection connection) throws SQLException {
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

    @Override
    public void close() {
        rounds.shutdownNow();
        try {
            rounds.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

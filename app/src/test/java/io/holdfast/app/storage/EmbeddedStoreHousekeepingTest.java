package io.holdfast.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded file stays near its rows under durable commits: the same commits, at the same pace,
 * into two stores that overwrite chunks after the same retention, one kept by Holdfast's housekeeping
 * and one not. Sizes are compared, not times; an H2 whose internals no longer lead to its file store
 * fails here.
 */
class EmbeddedStoreHousekeepingTest {

    private static final int COMMITS = 12_000;
    private static final Duration PACE = Duration.ofNanos(500_000);

    @TempDir
    Path folder;

    @Test
    void aKeptStoreStopsGrowingBeyondItsRowsWhereAnUnkeptOneGrowsWithEveryCommit() throws Exception {
        Path kept = folder.resolve("kept");
        Path unkept = folder.resolve("unkept");
        JdbcDataSource keptStore = durableStore(kept, "");
        Growth keptGrowth;
        try (EmbeddedStoreHousekeeping housekeeping =
                new EmbeddedStoreHousekeeping(keptStore, Duration.ofMillis(100), Duration.ofMillis(300))) {
            housekeeping.start();
            keptGrowth = commitAndMeasure(keptStore, kept);
        }
        Growth unkeptGrowth = commitAndMeasure(durableStore(unkept, ";RETENTION_TIME=300"), unkept);

        assertThat(keptGrowth.secondHalf())
                .as(
                        "bytes the file grew by over the second half of the commits: kept %s, unkept %s",
                        keptGrowth, unkeptGrowth)
                .isLessThan(unkeptGrowth.secondHalf() / 4);
    }

    /** The file's size when half the commits are made and when all are. */
    record Growth(long atHalf, long atEnd) {
        long secondHalf() {
            return atEnd - atHalf;
        }
    }

    @Test
    void itFindsTheFileStoreOfAnEmbeddedDatabaseAndSetsItsRetention() throws Exception {
        JdbcDataSource store = durableStore(folder.resolve("one"), "");
        try (Connection open = store.getConnection();
                EmbeddedStoreHousekeeping housekeeping =
                        new EmbeddedStoreHousekeeping(store, Duration.ofMillis(100), Duration.ofMillis(700))) {
            assertThat(EmbeddedStoreHousekeeping.fileStoreOf(open)).isPresent();
            housekeeping.round();
            assertThat(EmbeddedStoreHousekeeping.fileStoreOf(open).orElseThrow().getRetentionTime())
                    .isEqualTo(700);
        }
    }

    @Test
    void anInMemoryDatabaseHasNoFileToKeep() throws Exception {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:housekeeping");
        try (Connection open = memory.getConnection()) {
            assertThat(EmbeddedStoreHousekeeping.fileStoreOf(open)).isEmpty();
        }
    }

    private static JdbcDataSource durableStore(Path name, String settings) {
        JdbcDataSource store = new JdbcDataSource();
        store.setURL("jdbc:h2:file:" + name + ";WRITE_DELAY=0" + settings);
        return store;
    }

    private static Path mvFile(Path name) {
        return name.resolveSibling(name.getFileName() + ".mv.db");
    }

    /**
     * A projection's pattern, a row with a random key indexed and its position row updated per
     * commit; the file's size is taken while the store is open, since H2 compacts it on closing.
     */
    private static Growth commitAndMeasure(JdbcDataSource store, Path name) throws Exception {
        try (Connection connection = store.getConnection()) {
            try (Statement schema = connection.createStatement()) {
                schema.execute("create table case_row(id bigint primary key, case_key uuid, body varchar(500))");
                schema.execute("create index case_row_key on case_row(case_key)");
                schema.execute("create table position_row(id int primary key, position bigint)");
                schema.execute("insert into position_row values (1, 0)");
            }
            connection.setAutoCommit(false);
            try (PreparedStatement row = connection.prepareStatement("insert into case_row values (?, ?, ?)");
                    PreparedStatement position =
                            connection.prepareStatement("update position_row set position = ? where id = 1")) {
                long start = System.nanoTime();
                long atHalf = 0;
                for (int i = 0; i < COMMITS; i++) {
                    row.setLong(1, i);
                    row.setObject(2, UUID.randomUUID());
                    row.setString(3, "x".repeat(200));
                    row.executeUpdate();
                    position.setLong(1, i);
                    position.executeUpdate();
                    connection.commit();
                    if (i == COMMITS / 2) {
                        atHalf = Files.size(mvFile(name));
                    }
                    LockSupport.parkNanos(start + (i + 1) * PACE.toNanos() - System.nanoTime());
                }
                return new Growth(atHalf, Files.size(mvFile(name)));
            }
        }
    }
}

package io.holdfast.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.DataUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Once H2 failed to write its file and opened it again, a connection to the reopened store is
 * refused and the loss reported once; a store closed in good order and opened again is not a loss.
 */
class EmbeddedStoreContinuityTest {

    @TempDir
    Path dataDir;

    private final AtomicInteger lossesReported = new AtomicInteger();
    private final java.util.List<Path> foldersReported = new java.util.concurrent.CopyOnWriteArrayList<>();
    private EmbeddedStoreContinuity continuity;

    @BeforeEach
    void aStoreBehindTheGuard() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dataDir.resolve("store") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        continuity = new EmbeddedStoreContinuity(h2, folder -> {
            lossesReported.incrementAndGet();
            foldersReported.add(folder);
        });
    }

    @Test
    void aStoreOpenedAgainAfterAFailedWriteIsRefusedAndTheLossReportedOnce() throws Exception {
        Connection before = continuity.getConnection();
        before.createStatement().execute("create table fact(id int primary key)");
        var store = EmbeddedFileStore.of(before).orElseThrow();
        // what H2 does when writing its file fails: it closes the store, then throws
        assertThatThrownBy(() -> store.panic(DataUtils.newMVStoreException(
                        DataUtils.ERROR_WRITING_FAILED, "Writing to the file failed: No space left on device")))
                .isInstanceOf(org.h2.mvstore.MVStoreException.class);

        // H2 opens the file again once the failed store's last connection is closed (the pool evicts them)
        try {
            before.close();
        } catch (SQLException failureToldAgain) {
            assertThat((Throwable) failureToldAgain).hasStackTraceContaining("No space left on device");
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(continuity::getConnection)
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            refused -> assertThat(refused.getSQLState())
                                    .as("a connection exception, answered 503 like any store out of reach")
                                    .isEqualTo("08006"))
                    .hasMessageContaining("opened again without commits it had shown");
        }
        assertThat(lossesReported).hasValue(1);
        assertThat(foldersReported)
                .as("the folder whose disk failed the store")
                .containsExactly(dataDir.toAbsolutePath());
        assertThat(continuity.storeLost()).isTrue();
    }

    @Test
    void aStoreClosedInGoodOrderAndOpenedAgainCarriesOn() throws Exception {
        try (Connection first = continuity.getConnection()) {
            first.createStatement().execute("create table fact(id int primary key)");
        }
        // its last connection closed, H2 closed the store; this one opens it again
        try (Connection second = continuity.getConnection()) {
            assertThat(second.createStatement().executeUpdate("insert into fact values (1)"))
                    .isEqualTo(1);
        }
        assertThat(lossesReported).hasValue(0);
        assertThat(continuity.storeLost()).isFalse();
    }
}

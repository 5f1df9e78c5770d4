package io.holdfast.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Once H2 closed the embedded store under the pool (as it does when its disk is full; here shut down), the pool hands
 * out a working connection again: the closed ones are dropped and the file is opened anew. Fails when
 * an upgrade of H2 or HikariCP changes the error code or the pool's rule.
 */
class ClosedEmbeddedStoreEvictedTest {

    @TempDir
    Path dataDir;

    @Test
    void aConnectionWhoseStoreClosedUnderItIsDropped() {
        ClosedEmbeddedStoreEvicted rule = new ClosedEmbeddedStoreEvicted();
        // as a connection opened before the store closed answers, once the pool has opened it anew
        SQLException staleTransaction = new SQLException(
                "General error: MVStoreException: Transaction 3 is closed",
                "HY000",
                50000,
                org.h2.mvstore.DataUtils.newMVStoreException(
                        org.h2.mvstore.DataUtils.ERROR_CLOSED, "Transaction {0} is closed", 3));

        assertThat(rule.adjudicate(staleTransaction)).isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
        assertThat(rule.adjudicate(new SQLException("The database has been closed", "90098", 90098)))
                .isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
        assertThat(rule.adjudicate(new SQLException("Unique index or primary key violation", "23505", 23505)))
                .isEqualTo(SQLExceptionOverride.Override.CONTINUE_EVICT);
    }

    @Test
    void aConnectionToTheClosedStoreIsDroppedAndTheNextOneWorks() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dataDir.resolve("holdfast") + ";DB_CLOSE_ON_EXIT=FALSE");
        config.setMaximumPoolSize(2);
        config.setExceptionOverrideClassName(ClosedEmbeddedStoreEvicted.class.getName());
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection closing = pool.getConnection();
                    Connection other = pool.getConnection()) {
                closing.createStatement().execute("create table kept(n int); insert into kept values (1)");
                closing.createStatement().execute("shutdown");
                SQLException closed = catchThrowableOfType(
                        SQLException.class, () -> other.createStatement().execute("select 1"));
                assertThat(closed.getErrorCode())
                        .as("%s", closed)
                        .isEqualTo(org.h2.api.ErrorCode.DATABASE_CALLED_AT_SHUTDOWN);
                catchThrowableOfType(
                        SQLException.class, () -> closing.createStatement().execute("select 1"));
            }

            try (Connection again = pool.getConnection();
                    var kept = again.createStatement().executeQuery("select n from kept")) {
                assertThat(kept.next()).isTrue();
                assertThat(kept.getInt(1)).isEqualTo(1);
            }
        }
    }
}

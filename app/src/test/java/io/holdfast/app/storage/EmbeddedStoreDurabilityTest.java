package io.holdfast.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * What H2 shows and has not yet written is on the disk once the wait returns, and the wait fails when
 * that write fails; what it showed after the wait and did not write is lost when the store fails.
 */
class EmbeddedStoreDurabilityTest {

    @TempDir
    Path dataDir;

    @AfterEach
    void roomAgain() {
        FillableDisk.makeRoom();
    }

    @Test
    void whatWasShownIsOnTheDiskOnceTheWaitReturns() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("store") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.createStatement().execute("create table fact(id int primary key)");
            // commits shown to every connection and kept in memory, as while a write is under way
            connection.createStatement().execute("SET WRITE_DELAY 600000");
            connection.createStatement().execute("insert into fact values (1)");
            MVStore store = EmbeddedFileStore.of(connection).orElseThrow();
            EmbeddedStoreDurability.written(store);
            connection.createStatement().execute("insert into fact values (2)");
            store.closeImmediately();
        } catch (java.sql.SQLException closedUnderIt) {
            // the connection of a store closed under it says so on closing
        }

        try (Connection reopened = DriverManager.getConnection(url);
                ResultSet rows = reopened.createStatement().executeQuery("select id from fact order by id")) {
            List<Integer> kept = new ArrayList<>();
            while (rows.next()) {
                kept.add(rows.getInt(1));
            }
            assertThat(kept).as("1 was waited for, 2 only shown").containsExactly(1);
        }
    }

    @Test
    void theWaitFailsWhenTheWriteFails() throws Exception {
        String url = fillableStore("store");
        Connection connection = DriverManager.getConnection(url);
        connection.createStatement().execute("create table fact(id int primary key)");
        connection.createStatement().execute("SET WRITE_DELAY 600000");
        connection.createStatement().execute("insert into fact values (1)");
        MVStore store = EmbeddedFileStore.of(connection).orElseThrow();
        FillableDisk.fill();

        assertThatThrownBy(() -> EmbeddedStoreDurability.written(store))
                .hasStackTraceContaining("No space left on device");
        FillableDisk.makeRoom();
        closeFailed(connection);
    }

    @Test
    void aLostStoreIsToldAtOnceWithoutAskingForAConnection() throws Exception {
        String url = fillableStore("lost");
        Connection held = DriverManager.getConnection(url);
        held.createStatement().execute("create table fact(id int primary key)");
        AtomicInteger asked = new AtomicInteger();
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL(url);
        DataSource counting = new DelegatingDataSource(h2) {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                asked.incrementAndGet();
                return super.getConnection();
            }
        };
        EmbeddedStoreDurability durability = new EmbeddedStoreDurability(counting);
        durability.awaitDiskHoldsWhatIsShown();
        durability.awaitDiskHoldsWhatIsShown();
        assertThat(asked).as("a connection asked for once, to find the store").hasValue(1);

        held.createStatement().execute("SET WRITE_DELAY 600000");
        held.createStatement().execute("insert into fact values (1)");
        FillableDisk.fill();
        assertThatThrownBy(durability::awaitDiskHoldsWhatIsShown).hasStackTraceContaining("No space left on device");
        FillableDisk.makeRoom();

        assertThatThrownBy(durability::awaitDiskHoldsWhatIsShown)
                .as("the lost store, told again")
                .isNotNull();
        assertThat(asked).as("no connection asked for once the store is lost").hasValue(1);
        closeFailed(held);
    }

    /** An H2 URL on the tests' fillable disk, which is installed first. */
    private String fillableStore(String name) {
        FillableDisk.install();
        return "jdbc:h2:fillable:" + dataDir.toAbsolutePath().resolve(name) + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    private static void closeFailed(Connection connection) {
        try {
            connection.close();
        } catch (java.sql.SQLException failureToldAgain) {
            // the failed store's connection says so on closing
        }
    }
}

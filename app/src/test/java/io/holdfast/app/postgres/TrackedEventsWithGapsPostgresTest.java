package io.holdfast.app.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.storage.TrackedEventsWithGapsContract;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The gap read on PostgreSQL, the production store. */
class TrackedEventsWithGapsPostgresTest extends TrackedEventsWithGapsContract {

    @Override
    protected Connection migratedDatabase() throws SQLException {
        String url = PostgresSupport.newDatabase();
        Flyway.configure()
                .dataSource(url, "postgres", "postgres")
                .locations("classpath:db/migration/postgresql")
                .load()
                .migrate();
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    @Test
    void everyPartOfTheReadCanBeAnsweredFromTheGlobalIndex() throws SQLException {
        try (Connection connection = migratedDatabase();
                Statement settings = connection.createStatement()) {
            // an empty table is scanned whatever the query; forbid that to see whether the index can answer
            settings.execute("set enable_seqscan = off");
            List<String> plan = new ArrayList<>();
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + gapRead(2))) {
                explain.setLong(1, 6);
                explain.setLong(2, 106);
                explain.setLong(3, 2);
                explain.setLong(4, 4);
                try (ResultSet lines = explain.executeQuery()) {
                    while (lines.next()) {
                        plan.add(lines.getString(1));
                    }
                }
            }
            assertThat(plan)
                    .as(String.join("\n", plan))
                    .noneMatch(line -> line.contains("Seq Scan"))
                    .filteredOn(line -> line.contains("pk_domain_event_entry"))
                    .hasSize(2);
        }
    }
}

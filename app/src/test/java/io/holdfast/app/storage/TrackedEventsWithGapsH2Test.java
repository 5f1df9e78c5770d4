package io.holdfast.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The gap read on H2, the embedded default, where Axon's own statement walked the whole event table. */
class TrackedEventsWithGapsH2Test extends TrackedEventsWithGapsContract {

    private static final Pattern INDEX_USED = Pattern.compile("/\\* PUBLIC\\.([A-Z0-9_]+)(:[^*]*)? \\*/");

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Override
    protected Connection migratedDatabase() throws SQLException {
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration/h2")
                .load()
                .migrate();
        return DriverManager.getConnection(url, "sa", "");
    }

    @Test
    void everyPartOfTheReadIsBoundedByTheGlobalIndex() throws SQLException {
        try (Connection connection = migratedDatabase();
                PreparedStatement explain = connection.prepareStatement("EXPLAIN " + gapRead(2))) {
            explain.setLong(1, 6);
            explain.setLong(2, 106);
            explain.setLong(3, 2);
            explain.setLong(4, 4);
            ResultSet plan = explain.executeQuery();
            assertThat(plan.next()).isTrue();
            String explained = plan.getString(1);
            Matcher scans = INDEX_USED.matcher(explained);
            int parts = 0;
            while (scans.find()) {
                parts++;
                assertThat(scans.group(2))
                        .as("a part of the read that walks the whole table:%n%s", explained)
                        .isNotNull()
                        .contains("GLOBAL_INDEX");
            }
            assertThat(parts).as(explained).isEqualTo(2);
        }
    }
}

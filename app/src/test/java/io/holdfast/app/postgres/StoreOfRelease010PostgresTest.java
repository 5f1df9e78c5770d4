package io.holdfast.app.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.http.Api;
import io.holdfast.app.http.TestTokens;
import io.holdfast.app.storedrecord.StoreOfRelease010Test;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link StoreOfRelease010Test} on PostgreSQL: the rows of 0.1.0 restored into a database of its own. */
class StoreOfRelease010PostgresTest extends StoreOfRelease010Test {

    private final String database = PostgresSupport.newDatabase();

    @Override
    protected ConfigurableApplicationContext start() {
        return PostgresSupport.start(database);
    }

    @Test
    void theStoreIsRestoredIntoPostgreSql() throws SQLException {
        try (Connection connection = holdfast.getBean(DataSource.class).getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        Long events = holdfast.getBean(JdbcTemplate.class)
                .queryForObject("select count(*) from domain_event_entry", Long.class);
        assertThat(events).as("0.1.0's events and the ones these tests add").isGreaterThanOrEqualTo(26);
    }

    @Override
    protected Api.Call as(String user) {
        return api.call().bearer(TestTokens.token(user, List.of(user.toUpperCase(Locale.ROOT)), null));
    }
}

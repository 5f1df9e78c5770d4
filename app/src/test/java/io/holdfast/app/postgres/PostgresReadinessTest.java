package io.holdfast.app.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.http.Api;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The probes an orchestrator asks: while its database refuses connections the node stays alive (a
 * restart would not help) but is not ready, and it is ready again once the database is back.
 */
class PostgresReadinessTest {

    @Test
    void aNodeWhoseDatabaseIsAwayIsAliveButNotReadyUntilItIsBack() throws Exception {
        String url = PostgresSupport.newDatabase();
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        try (ConfigurableApplicationContext holdfast =
                PostgresSupport.start(url, "--spring.datasource.hikari.connection-timeout=1000")) {
            Api api = PostgresSupport.api(holdfast);
            assertThat(status(api, "/actuator/health/readiness")).isEqualTo(200);

            databaseAway(database, true);
            try {
                assertThat(eventually(api, "/actuator/health/readiness", 503)).isEqualTo(503);
                assertThat(status(api, "/actuator/health/liveness")).isEqualTo(200);
            } finally {
                databaseAway(database, false);
            }
            assertThat(eventually(api, "/actuator/health/readiness", 200)).isEqualTo(200);
        }
    }

    private static int status(Api api, String path) {
        return api.call().get(path).status();
    }

    private static int eventually(Api api, String path, int wanted) throws InterruptedException {
        int status = status(api, path);
        for (int i = 0; i < 100 && status != wanted; i++) {
            Thread.sleep(200);
            status = status(api, path);
        }
        return status;
    }

    /** Refuses new connections to the database and ends the open ones, or lets them in again. */
    private static void databaseAway(String database, boolean away) throws Exception {
        try (Connection admin = PostgresSupport.server().getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("alter database " + database + " allow_connections " + !away);
            if (away) {
                statement.execute(
                        "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
            }
        }
    }
}

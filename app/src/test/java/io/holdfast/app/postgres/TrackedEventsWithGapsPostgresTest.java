package io.holdfast.app.postgres;

import io.holdfast.app.storage.TrackedEventsWithGapsContract;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The gap read on PostgreSQL, the production store. */
class TrackedEventsWithGapsPostgresTest extends TrackedEventsWithGapsContract {

    @Override
    protected Connection migratedDatabase() throws SQLException {
        String url = PostgresSupport.newDatabase();
        Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration/postgresql").load().migrate();
        return DriverManager.getConnection(url, "postgres", "postgres");
    }
}

package io.holdfast.query;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** A fresh in-memory database with the query side's own migrations, for projection tests. */
public final class ReadModelDatabase {

    private ReadModelDatabase() {}

    public static JdbcTemplate fresh() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/h2")
                .load()
                .migrate();
        return new JdbcTemplate(dataSource);
    }
}

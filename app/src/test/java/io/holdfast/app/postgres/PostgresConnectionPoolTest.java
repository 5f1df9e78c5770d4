package io.holdfast.app.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.storage.ConnectionPoolCheck;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** As shipped, the postgres profile has a database connection for all the work it lets in at once. */
class PostgresConnectionPoolTest {

    @Test
    void theShippedPoolServesTheProjectionsTheCommandsAndTheReads() {
        try (ConfigurableApplicationContext holdfast = PostgresSupport.start(PostgresSupport.newDatabase())) {
            assertThat(holdfast.getBean(ConnectionPoolCheck.class).shortfall()).isEmpty();
        }
    }
}

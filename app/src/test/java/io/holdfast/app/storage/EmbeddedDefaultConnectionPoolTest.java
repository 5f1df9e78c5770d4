package io.holdfast.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.HoldfastApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** As shipped, the embedded default has a database connection for all the work it lets in at once. */
class EmbeddedDefaultConnectionPoolTest {

    @TempDir
    Path dataDir;

    @Test
    void theShippedPoolServesTheProjectionsTheCommandsAndTheReads() {
        try (ConfigurableApplicationContext holdfast = new SpringApplicationBuilder(HoldfastApplication.class)
                .run("--holdfast.data-dir=" + dataDir, "--server.port=0")) {
            assertThat(holdfast.getBean(ConnectionPoolCheck.class).shortfall()).isEmpty();
        }
    }

    @Test
    void unsetThePoolGrowsWithTheRoomForCommandsAsOnAMachineOfManyCores() throws Exception {
        try (ConfigurableApplicationContext holdfast = new SpringApplicationBuilder(HoldfastApplication.class)
                .run("--holdfast.data-dir=" + dataDir, "--server.port=0", "--holdfast.http.max-concurrent-writes=14")) {
            assertThat(holdfast.getBean(ConnectionPoolCheck.class).shortfall()).isEmpty();
            assertThat(holdfast.getBean(javax.sql.DataSource.class)
                            .unwrap(com.zaxxer.hikari.HikariDataSource.class)
                            .getMaximumPoolSize())
                    .as("8 projection threads, 14 commands, 4 for reads")
                    .isEqualTo(26);
        }
    }

    @Test
    void aPoolSetTooSmallForTheRoomForCommandsIsFound() {
        try (ConfigurableApplicationContext holdfast = new SpringApplicationBuilder(HoldfastApplication.class)
                .run(
                        "--holdfast.data-dir=" + dataDir,
                        "--server.port=0",
                        "--holdfast.http.max-concurrent-writes=64",
                        "--spring.datasource.hikari.maximum-pool-size=24")) {
            assertThat(holdfast.getBean(ConnectionPoolCheck.class).shortfall())
                    .hasValueSatisfying(warning -> assertThat(warning).contains("64 commands at once"));
        }
    }
}

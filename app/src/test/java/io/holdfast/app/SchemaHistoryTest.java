package io.holdfast.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Flyway refuses a database whose migration history was altered behind its back. */
class SchemaHistoryTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(HoldfastApplication.class)
                .run("--holdfast.data-dir=" + dataDir, "--server.port=0");
    }

    @Test
    void anAlteredMigrationHistoryStopsStartUp() {
        try (ConfigurableApplicationContext context = start()) {
            context.getBean(JdbcTemplate.class)
                    .update("update \"flyway_schema_history\" set \"checksum\" = 42 where \"version\" = '1'");
        }
        assertThatThrownBy(this::start).hasStackTraceContaining("Migration checksum mismatch for migration version 1");
    }
}

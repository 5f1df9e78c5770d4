package io.holdfast.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.holdfast.app.HoldfastApplication;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Switched on, H2's housekeeping runs on the embedded default's store every second. */
class EmbeddedDefaultHousekeepingTest {

    @TempDir
    Path dataDir;

    @Test
    void switchedOnTheEmbeddedDefaultKeepsItsFile() throws Exception {
        try (ConfigurableApplicationContext holdfast = new SpringApplicationBuilder(HoldfastApplication.class)
                        .run(
                                "--holdfast.data-dir=" + dataDir,
                                "--server.port=0",
                                "--holdfast.storage.embedded-housekeeping=true");
                Connection connection = holdfast.getBean(DataSource.class).getConnection()) {
            var store = EmbeddedStoreHousekeeping.fileStoreOf(connection).orElseThrow();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(store.getRetentionTime())
                            .as("the retention the housekeeping sets, below H2's 45 s")
                            .isEqualTo(5_000));
        }
    }
}

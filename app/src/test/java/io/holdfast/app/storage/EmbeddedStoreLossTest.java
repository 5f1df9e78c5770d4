package io.holdfast.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.holdfast.app.HoldfastApplication;
import io.holdfast.app.http.Api;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Once H2 has closed the embedded store under Holdfast (as when its file cannot be written; here shut
 * down), the projections leave the event store's shared cache for the store itself, and go on
 * following the cases written after.
 */
class EmbeddedStoreLossTest {

    @TempDir
    Path dataDir;

    @Test
    void afterTheStoreClosedUnderHoldfastTheProjectionsReadTheStoreAndFollowWhatIsWrittenNext() throws Exception {
        try (ConfigurableApplicationContext holdfast = new SpringApplicationBuilder(HoldfastApplication.class)
                .run("--holdfast.data-dir=" + dataDir, "--server.port=0")) {
            Api api = new Api(holdfast.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            Api.expect(api.as("officer").post("/api/cases", Api.flagBody("LOSS-1")), 201);
            ProjectionsReadTheStoreAfterALoss projections = holdfast.getBean(ProjectionsReadTheStoreAfterALoss.class);
            assertThat(projections.sent()).isFalse();

            Connection connection = holdfast.getBean(DataSource.class).getConnection();
            connection.createStatement().execute("SHUTDOWN");
            catchThrowableOfType(SQLException.class, connection::close);

            await().atMost(Duration.ofSeconds(30)).until(projections::sent);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> api.as("officer")
                                    .post("/api/cases", Api.flagBody("LOSS-2"))
                                    .status()
                            == 201);
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(api.as("auditor")
                                    .get("/api/cases/LOSS-2?minVersion=0")
                                    .status())
                            .isEqualTo(200));
            assertThat(Api.expect(api.as("auditor").get("/api/cases/LOSS-1"), 200)
                            .json()
                            .path("version")
                            .asLong())
                    .isZero();
        }
    }
}

package io.holdfast.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.HoldfastApplication;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Holdfast stopping ends the live update streams open at that moment, so its graceful shutdown is not held by them. */
class LiveUpdatesAtShutdownTest {

    @TempDir
    Path dataDir;

    @Test
    void anOpenStreamEndsWhenHoldfastBeginsToStop() throws Exception {
        ConfigurableApplicationContext holdfast = new SpringApplicationBuilder(HoldfastApplication.class)
                .run(
                        "--holdfast.data-dir=" + dataDir,
                        "--server.port=0",
                        "--spring.lifecycle.timeout-per-shutdown-phase=60s");
        int port = ((WebServerApplicationContext) holdfast).getWebServer().getPort();
        Api api = new Api(port);
        String caseId = "CASE-" + UUID.randomUUID();
        Api.expect(api.as("officer").post("/api/cases", Api.flagBody(caseId)), 201);
        Api.expect(api.as("auditor").get("/api/cases/" + caseId + "?minVersion=0"), 200);
        try (LiveUpdates stream = LiveUpdates.open(port, "auditor", "/api/cases/" + caseId + "/updates")) {
            assertThat(stream.next().path("caseId").asText()).isEqualTo(caseId);

            Thread stopping = new Thread(holdfast::close, "holdfast-stopping");
            stopping.start();

            // held by the stream, the graceful shutdown would wait its 60 s
            assertThat(stream.endedWithin(20))
                    .as("the stream ended as Holdfast began to stop")
                    .isTrue();
            stopping.join();
        }
    }
}

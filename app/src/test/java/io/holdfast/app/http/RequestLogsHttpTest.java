package io.holdfast.app.http;

import static io.holdfast.app.http.Api.expect;
import static io.holdfast.app.http.Api.flagBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.app.HoldfastApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Logs as JSON lines when {@code logging.structured.format.console} asks for them (here ECS): every
 * request writes an access line carrying its correlation id, the actor and the case, refused
 * requests too. A Holdfast of its own, as logging is set up once per start of the logging system.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestLogsHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void eachRequestWritesAJsonAccessLineWithItsCorrelationIdActorAndCase(CapturedOutput output) throws Exception {
        // other suites' Holdfasts in this JVM set logging up already; this one must set it up anew
        LoggingSystem.get(getClass().getClassLoader()).cleanUp();
        try (ConfigurableApplicationContext holdfast = new SpringApplicationBuilder(HoldfastApplication.class)
                .run("--holdfast.data-dir=" + dataDir, "--server.port=0", "--logging.structured.format.console=ecs")) {
            Api api = new Api(
                    ((WebServerApplicationContext) holdfast).getWebServer().getPort());
            String caseId = "CASE-" + UUID.randomUUID();
            expect(
                    api.as("officer")
                            .header("X-Correlation-Id", "flag-" + caseId)
                            .post("/api/cases", flagBody(caseId)),
                    201);
            expect(
                    api.as("officer")
                            .header("X-Correlation-Id", "note-" + caseId)
                            .post("/api/cases/" + caseId + "/notes", Api.noteBody("checked the wallet")),
                    201);
            assertThat(api.as("liaison-hsi")
                            .header("X-Correlation-Id", "denied-" + caseId)
                            .get("/api/audit/events")
                            .status())
                    .isEqualTo(403);

            JsonNode flagged = accessLine(output, "flag-" + caseId);
            assertThat(flagged.path("actor").asText()).isEqualTo("officer");
            assertThat(flagged.path("caseId").asText())
                    .as("from the Location of the case flagged")
                    .isEqualTo(caseId);
            assertThat(flagged.path("message").asText()).startsWith("POST /api/cases 201 ");
            JsonNode noted = accessLine(output, "note-" + caseId);
            assertThat(noted.path("caseId").asText()).isEqualTo(caseId);
            assertThat(noted.path("message").asText()).startsWith("POST /api/cases/" + caseId + "/notes 201 ");
            JsonNode denied = accessLine(output, "denied-" + caseId);
            assertThat(denied.path("message").asText()).startsWith("GET /api/audit/events 403 ");
        }
    }

    /** The access line of the request with that correlation id, waiting briefly for the output to show it. */
    private static JsonNode accessLine(CapturedOutput output, String correlationId) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            List<JsonNode> found = new ArrayList<>();
            for (String line : output.getOut().split("\n")) {
                if (line.startsWith("{") && line.contains(correlationId)) {
                    JsonNode json = JSON.readTree(line);
                    if (json.path("log").path("logger").asText().equals("holdfast.access")) {
                        found.add(json);
                    }
                }
            }
            if (!found.isEmpty()) {
                assertThat(found).hasSize(1);
                assertThat(found.get(0).path("correlationId").asText()).isEqualTo(correlationId);
                return found.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "no JSON access line with correlation id " + correlationId + " in:\n" + output.getOut());
    }
}

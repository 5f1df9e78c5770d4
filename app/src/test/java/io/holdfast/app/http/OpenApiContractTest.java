package io.holdfast.app.http;

import static io.holdfast.app.http.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The OpenAPI document Holdfast serves is the contract kept in {@code docs/openapi.json} (from which
 * the tests' client is generated), it names every handler of the API with its problem documents,
 * and anyone may read it, as it holds no data.
 */
class OpenApiContractTest extends HttpApiSupport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path CONTRACT = Path.of("../docs/openapi.json");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private JsonNode served() throws Exception {
        Api.Response document = expect(api.call().get("/v3/api-docs"), 200);
        return JSON.readTree(document.body());
    }

    @Test
    void theServedDocumentIsTheContractInTheRepository() throws Exception {
        JsonNode served = served();
        assertThat(served.get("openapi").asText()).startsWith("3.1.");
        if (!served.equals(JSON.readTree(CONTRACT.toFile()))) {
            Path current = Path.of("target/openapi.json");
            Files.writeString(current, JSON.writeValueAsString(served) + "\n");
            throw new AssertionError("docs/openapi.json is not the document Holdfast serves: review the difference"
                    + " and copy app/target/openapi.json over it");
        }
    }

    @Test
    void everyHandlerOfTheApiIsInTheDocumentWithItsProblems() throws Exception {
        JsonNode paths = served().get("paths");
        List<String> missing = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("io.holdfast")
                    || info.getPathPatternsCondition() == null) {
                return;
            }
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                if (!pattern.getPatternString().startsWith("/api/")) {
                    continue;
                }
                info.getMethodsCondition().getMethods().forEach(method -> {
                    JsonNode operation = paths.path(pattern.getPatternString())
                            .path(method.name().toLowerCase(Locale.ROOT));
                    if (operation.isMissingNode()) {
                        missing.add(method + " " + pattern.getPatternString());
                    } else {
                        assertThat(operation
                                        .path("responses")
                                        .path("401")
                                        .path("content")
                                        .has("application/problem+json"))
                                .as("%s %s answers 401 as a problem", method, pattern)
                                .isTrue();
                    }
                });
            }
        });
        assertThat(missing).as("handlers missing from the OpenAPI document").isEmpty();
        assertThat(paths.size()).isGreaterThanOrEqualTo(30);
        JsonNode release = paths.path("/api/cases/{caseId}/releases").path("post");
        assertThat(release.path("responses").fieldNames())
                .toIterable()
                .contains("201", "400", "404", "409", "412", "503");
        assertThat(release.path("responses").path("201").path("headers").has("ETag"))
                .isTrue();
        assertThat(release.path("responses").path("503").path("headers").has("Retry-After"))
                .isTrue();
        assertThat(release.path("parameters").toString()).contains("If-Match", "Idempotency-Key", "X-Correlation-Id");
    }

    @Test
    void theDocumentNamesBothWaysToSignInAndSwaggerUiShowsIt() throws Exception {
        JsonNode schemes = served().path("components").path("securitySchemes");
        assertThat(schemes.path("basicAuth").path("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.path("bearerAuth").path("bearerFormat").asText()).isEqualTo("JWT");
        assertThat(api.call().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}

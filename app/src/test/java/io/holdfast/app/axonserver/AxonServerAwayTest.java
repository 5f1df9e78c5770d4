package io.holdfast.app.axonserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.app.HoldfastApplication;
import io.holdfast.app.http.Api;
import io.holdfast.app.http.TestLedgerKey;
import io.holdfast.app.http.TestTokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Holdfast on the {@code axonserver} profile with Axon Server away (a loopback port where nothing
 * listens): writes and reads answer 503 with {@code Retry-After} and a problem naming the cause, as
 * a client can retry them; nothing was dispatched, so nothing is half-done.
 */
class AxonServerAwayTest {

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext holdfast;
    private static Api api;

    @BeforeAll
    static void startWithAxonServerAway() throws IOException {
        holdfast = new SpringApplicationBuilder(HoldfastApplication.class)
                .profiles("axonserver")
                .run(
                        "--holdfast.data-dir=" + dataDir,
                        "--server.port=0",
                        "--axon.axonserver.servers=127.0.0.1:" + portWhereNothingListens(),
                        "--spring.security.oauth2.resourceserver.jwt.public-key-location="
                                + TestTokens.publicKeyLocation(),
                        TestLedgerKey.argument());
        api = new Api(((WebServerApplicationContext) holdfast).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        holdfast.close();
    }

    @Test
    void aCommandIsRefusedForNowWithRetryAfter() {
        Api.Response response = api.call()
                .bearer(TestTokens.token("officer", List.of("OFFICER"), null))
                .post("/api/cases", Api.flagBody("CASE-AWAY-1"));

        unreachable(response);
    }

    @Test
    void aReadIsRefusedForNowWithRetryAfter() {
        Api.Response response = api.call()
                .bearer(TestTokens.token("auditor", List.of("AUDITOR"), null))
                .get("/api/cases/CASE-AWAY-2");

        unreachable(response);
    }

    @Test
    void theCaseListIsRefusedForNowWithRetryAfter() {
        Api.Response response = api.call()
                .bearer(TestTokens.token("auditor", List.of("AUDITOR"), null))
                .get("/api/cases");

        unreachable(response);
    }

    @Test
    void theNodeIsAliveButNotReadyToServe() {
        Api.Response live = api.call().get("/actuator/health/liveness");
        Api.Response ready = api.call().get("/actuator/health/readiness");

        assertThat(live.status()).as(live.toString()).isEqualTo(200);
        assertThat(live.json().get("status").asText()).isEqualTo("UP");
        assertThat(ready.status()).as(ready.toString()).isEqualTo(503);
        assertThat(ready.json().get("status").asText()).isEqualTo("DOWN");
    }

    private static void unreachable(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo("/problems/axon-server-unreachable");
        assertThat(problem.get("detail").asText()).contains("Axon Server").contains("nothing was recorded");
        assertThat(response.body()).doesNotContain("Exception", "io.grpc", "AXONIQ");
    }

    private static int portWhereNothingListens() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package io.holdfast.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case the embedded default has answered 201 for is on disk even when the process is killed the
 * next instant (SIGKILL, an out-of-memory kill): portals write while Holdfast runs in a process of
 * its own, the process is killed, and Holdfast started again on the same data directory holds
 * every acknowledged case.
 */
class EmbeddedDefaultCrashTest {

    private static final int PORTALS = 4;
    private static final String OFFICER = "Basic " + Base64.getEncoder().encodeToString("officer:demo".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyAcknowledgedCaseSurvivesAKill() throws Exception {
        int port = freePort();
        Process holdfast = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), HoldfastApplication.class.getName(),
                "--holdfast.data-dir=" + dataDir, "--server.port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + "-holdfast.log").toFile())
                .start();
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        try {
            awaitHealthy(port, holdfast);
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService portals = Executors.newFixedThreadPool(PORTALS);
            for (int p = 0; p < PORTALS; p++) {
                int portal = p;
                portals.submit(() -> flagCases(port, portal, writing, acknowledged));
            }
            // kill once the portals have been writing for a while, while they still are
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() < 300 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            holdfast.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            writing.set(false);
            portals.shutdown();
            assertThat(portals.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            holdfast.destroyForcibly();
        }
        assertThat(acknowledged).as("cases answered 201 before the kill").hasSizeGreaterThanOrEqualTo(300);

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(HoldfastApplication.class)
                .run("--holdfast.data-dir=" + dataDir, "--server.port=0")) {
            Set<String> stored = new HashSet<>(restarted.getBean(JdbcTemplate.class)
                    .queryForList("select aggregate_identifier from domain_event_entry", String.class));
            List<String> lost = new ArrayList<>(acknowledged);
            lost.removeAll(stored);
            assertThat(lost).as("cases answered 201 but missing after the kill (of %d acknowledged)", acknowledged.size())
                    .isEmpty();
        }
    }

    private void flagCases(int port, int portal, AtomicBoolean writing, Queue<String> acknowledged) {
        for (int n = 0; writing.get(); n++) {
            String caseId = "CASE-KILL-" + portal + "-" + n;
            String body = """
                    {"caseId":"%s","accountId":"ACC-%s","subject":{"holderName":"Kim Sang Man","walletAddresses":[]},
                     "reason":{"type":"SANCTIONS_MATCH","list":"OFAC-SDN","listEntryId":"SDN-1","details":"wallet match"},
                     "evidence":[]}""".formatted(caseId, caseId);
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases"))
                        .header("Authorization", OFFICER).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 201) {
                    acknowledged.add(caseId);
                }
            } catch (IOException killed) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void awaitHealthy(int port, Process holdfast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertThat(holdfast.isAlive()).as("Holdfast stopped during start-up; see its log beside %s", dataDir).isTrue();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Holdfast did not start within 180 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

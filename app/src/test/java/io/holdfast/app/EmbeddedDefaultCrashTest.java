package io.holdfast.app;

import static io.holdfast.app.http.Api.flagBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.http.Api;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case the embedded default has answered 201 for is on disk even when the process is killed the
 * next instant (SIGKILL, an out-of-memory kill): portals write while Holdfast runs in a process of
 * its own, the process is killed, and Holdfast started again on the same data directory holds
 * every acknowledged case.
 */
class EmbeddedDefaultCrashTest {

    private static final int PORTALS = 4;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedCaseSurvivesAKill() throws Exception {
        int port = freePort();
        Process holdfast = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HoldfastApplication.class.getName(),
                        "--holdfast.data-dir=" + dataDir,
                        "--server.port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("holdfast-process.log").toFile())
                .start();
        Api api = new Api(port);
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        try {
            awaitHealthy(api, holdfast);
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService portals = Executors.newFixedThreadPool(PORTALS);
            for (int p = 0; p < PORTALS; p++) {
                int portal = p;
                portals.submit(() -> flagCases(api, portal, writing, acknowledged));
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
            Set<String> stored = new HashSet<>(restarted
                    .getBean(JdbcTemplate.class)
                    .queryForList("select aggregate_identifier from domain_event_entry", String.class));
            List<String> lost = new ArrayList<>(acknowledged);
            lost.removeAll(stored);
            assertThat(lost)
                    .as("cases answered 201 but missing after the kill (of %d acknowledged)", acknowledged.size())
                    .isEmpty();
        }
    }

    /** Flags cases one after another until told to stop or until Holdfast is gone. */
    private static void flagCases(Api api, int portal, AtomicBoolean writing, Queue<String> acknowledged) {
        for (int n = 0; writing.get(); n++) {
            String caseId = "CASE-KILL-" + portal + "-" + n;
            try {
                if (api.as("officer").post("/api/cases", flagBody(caseId)).status() == 201) {
                    acknowledged.add(caseId);
                }
            } catch (AssertionError connectionLost) {
                return;
            }
        }
    }

    private void awaitHealthy(Api api, Process holdfast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertThat(holdfast.isAlive())
                    .as("Holdfast stopped during start-up; see holdfast-process.log in %s", dataDir)
                    .isTrue();
            try {
                if (api.call().get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (AssertionError notYetListening) {
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

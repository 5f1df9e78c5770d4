package io.holdfast.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Holdfast started from its own jar as a separate process, as an operator runs it. */
final class HoldfastProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final String baseUrl;
    final double startupSeconds;
    private final Process process;
    private final String adminToken;

    private HoldfastProcess(String name, Process process, String baseUrl, double startupSeconds, String adminToken) {
        this.name = name;
        this.process = process;
        this.baseUrl = baseUrl;
        this.startupSeconds = startupSeconds;
        this.adminToken = adminToken;
    }

    static HoldfastProcess start(
            String name, Path jar, List<String> jvmOptions, List<String> arguments, Path log, String adminToken)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        String baseUrl = "http://127.0.0.1:" + port;
        // a start from a backup unpacks the whole store before it is UP: minutes at a hundredth of a year
        long upWithin =
                arguments.stream().anyMatch(argument -> argument.startsWith("--holdfast.restore-from=")) ? 3_600 : 180;
        long deadline = started + TimeUnit.SECONDS.toNanos(upWithin);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended during start-up; see " + log);
            }
            if (healthy(baseUrl)) {
                return new HoldfastProcess(name, process, baseUrl, (System.nanoTime() - started) / 1e9, adminToken);
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not report UP within " + upWithin + " s; see " + log);
    }

    long pid() {
        return process.pid();
    }

    /** CPU time the Holdfast process has used so far, in seconds. */
    double cpuSeconds() {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .map(d -> d.toNanos() / 1e9)
                .orElse(Double.NaN);
    }

    /** Heap in use now, as the process's own metrics report it. */
    long heapUsedBytes() {
        JsonNode metric = get("/actuator/metrics/jvm.memory.used?tag=area:heap");
        return metric.path("measurements").path(0).path("value").asLong(-1);
    }

    /** A timer of the process's own metrics so far (none recorded before its first use). */
    Timed timed(String metric) {
        JsonNode measurements;
        try {
            measurements = get("/actuator/metrics/" + metric).path("measurements");
        } catch (IllegalStateException notYetRecorded) {
            return Timed.NONE;
        }
        double count = 0;
        double total = 0;
        double max = 0;
        for (JsonNode measurement : measurements) {
            switch (measurement.path("statistic").asText()) {
                case "COUNT" -> count = measurement.path("value").asDouble();
                case "TOTAL_TIME" -> total = measurement.path("value").asDouble();
                case "MAX" -> max = measurement.path("value").asDouble();
                default -> {}
            }
        }
        return new Timed((long) count, total, max);
    }

    /** Times counted since start, their total seconds, and the longest of the last two minutes (Micrometer's rolling max). */
    record Timed(long count, double totalSeconds, double recentMaxSeconds) {
        static final Timed NONE = new Timed(0, 0, 0);

        /** What was timed between an earlier reading and this one; the longest is that of the last two minutes. */
        Timed since(Timed earlier) {
            return new Timed(count - earlier.count, totalSeconds - earlier.totalSeconds, recentMaxSeconds);
        }
    }

    JsonNode get(String path) {
        return get(path, adminToken);
    }

    JsonNode get(String path, String token) {
        return get(path, token, Duration.ofSeconds(10));
    }

    /** A read of the whole store (the ledger's verification) is given longer than a read by key. */
    JsonNode get(String path, String token, Duration timeout) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .header("Authorization", "Bearer " + token)
                            .timeout(timeout)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        "GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int post(String path) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(baseUrl + path))
                                    .header("Authorization", "Bearer " + adminToken)
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the projection has rebuilt or caught up: LIVE, at the head of the event store. */
    void awaitLive(String projection, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = get("/api/admin/replays/" + projection);
            if ("LIVE".equals(status.path("state").asText())
                    && status.path("position").asLong() >= status.path("head").asLong()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(projection + " did not catch up within " + limit);
    }

    /** SIGKILL: no shutdown hooks, no flushing, as in a power cut of the node. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static boolean healthy(String baseUrl) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

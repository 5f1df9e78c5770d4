package io.holdfast.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The realistic mix over real HTTP: each client runs whole case lifecycles (flag, warrant, freeze
 * request, approval, partial release, release of the rest) and reads the case view and its history.
 * Projection lag is the time from the last write's answer until the case view shows that version,
 * asked with {@code ?minVersion=}.
 */
final class LifecycleLoad {

    static final List<String> WRITES =
            List.of("flag", "warrant", "freeze-request", "approval", "partial-release", "release");
    static final List<String> READS = List.of("case-view", "history");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHA = "a".repeat(64);

    record Result(
            int clients,
            double seconds,
            long commands,
            long reads,
            Map<String, Histogram> latencies,
            Histogram lag,
            long errors,
            List<String> errorSamples) {
        double commandsPerSecond() {
            return commands / seconds;
        }
    }

    private final String baseUrl;
    private final Tokens tokens;
    private final HttpClient http = portalClient();

    /** A client as a portal has: HTTP/1.1 connections kept open between requests. */
    static HttpClient portalClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    LifecycleLoad(String baseUrl, Tokens tokens) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
    }

    /**
     * Runs {@code clients} clients for warm-up plus measurement; only requests that finish inside
     * the measured window count. With a positive {@code commandsPerSecond} the clients pace
     * themselves to that total rate instead of going flat out.
     */
    Result run(String runId, int clients, Duration warmUp, Duration measured, double commandsPerSecond)
            throws Exception {
        long windowStart = System.nanoTime() + warmUp.toNanos();
        long windowEnd = windowStart + measured.toNanos();
        AtomicLong commands = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        long lifecycleIntervalNanos =
                commandsPerSecond > 0 ? (long) (1e9 * WRITES.size() * clients / commandsPerSecond) : 0;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Map<String, Histogram>>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            work.add(pool.submit(() -> {
                Map<String, Histogram> mine = newHistograms();
                Client driver = new Client(mine, windowStart, windowEnd, commands, reads, errors, errorSamples);
                long next = System.nanoTime()
                        + (lifecycleIntervalNanos > 0 ? client * lifecycleIntervalNanos / clients : 0);
                for (int n = 0; System.nanoTime() < windowEnd; n++) {
                    if (lifecycleIntervalNanos > 0) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        next += lifecycleIntervalNanos;
                    }
                    driver.lifecycle(runId + "-" + client + "-" + n);
                }
                return mine;
            }));
        }
        Map<String, Histogram> all = newHistograms();
        for (Future<Map<String, Histogram>> future : work) {
            future.get().forEach((endpoint, histogram) -> all.get(endpoint).add(histogram));
        }
        pool.shutdown();
        Histogram lag = all.remove("lag");
        return new Result(
                clients,
                measured.toNanos() / 1e9,
                commands.get(),
                reads.get(),
                all,
                lag,
                errors.get(),
                List.copyOf(errorSamples));
    }

    private static Map<String, Histogram> newHistograms() {
        Map<String, Histogram> histograms = new LinkedHashMap<>();
        for (String endpoint : WRITES) {
            histograms.put(endpoint, new Histogram(60_000_000_000L, 3));
        }
        for (String endpoint : READS) {
            histograms.put(endpoint, new Histogram(60_000_000_000L, 3));
        }
        histograms.put("lag", new Histogram(60_000_000_000L, 3));
        return histograms;
    }

    private final class Client {
        private final Map<String, Histogram> latencies;
        private final long windowStart;
        private final long windowEnd;
        private final AtomicLong commands;
        private final AtomicLong reads;
        private final AtomicLong errors;
        private final ConcurrentLinkedQueue<String> errorSamples;
        private String previousCase;
        private long previousVersion;

        Client(
                Map<String, Histogram> latencies,
                long windowStart,
                long windowEnd,
                AtomicLong commands,
                AtomicLong reads,
                AtomicLong errors,
                ConcurrentLinkedQueue<String> errorSamples) {
            this.latencies = latencies;
            this.windowStart = windowStart;
            this.windowEnd = windowEnd;
            this.commands = commands;
            this.reads = reads;
            this.errors = errors;
            this.errorSamples = errorSamples;
        }

        void lifecycle(String caseId) throws InterruptedException {
            String cases = "/api/cases/";
            if (write("flag", "/api/cases", tokens.officer, 201, """
                    {"caseId":"%s","accountId":"ACC-%s","subject":{"holderName":"Kim Sang Man","walletAddresses":["bc1qbenchmark"]},
                     "reason":{"type":"SANCTIONS_MATCH","list":"OFAC-SDN","listEntryId":"SDN-12345","details":"wallet match"},
                     "evidence":[{"description":"screening hit report","sha256":"%s"}]}""".formatted(caseId, caseId, SHA)) < 0) {
                return;
            }
            if (write("warrant", cases + caseId + "/warrants", tokens.officer, 201, """
                    {"warrantId":"W-1","orderType":"SEIZURE_WARRANT","issuingAuthority":"U.S. District Court for the District of Columbia",
                     "requestingAgency":"FBI","jurisdiction":"US-DC","referenceNumber":"23-SW-0412","issuedAt":"2026-01-01T00:00:00Z",
                     "expiresAt":"2031-01-01T00:00:00Z","scope":[{"asset":"USDT","maxAmount":"3100000"},{"asset":"BTC"}],
                     "documentSha256":"%s"}""".formatted(SHA)) < 0) {
                return;
            }
            if (write("freeze-request", cases + caseId + "/freeze-requests", tokens.officer, 201, """
                    {"requestId":"R-1","warrantId":"W-1","holdings":[{"asset":"USDT","amount":"3050000.00"},{"asset":"BTC","amount":"49.5"}]}""") < 0) {
                return;
            }
            if (write(
                            "approval",
                            cases + caseId + "/freeze-requests/R-1/approval",
                            tokens.supervisor,
                            200,
                            "{\"comment\":\"warrant and holdings checked\"}")
                    < 0) {
                return;
            }
            if (write("partial-release", cases + caseId + "/releases", tokens.supervisor, 201, """
                    {"holdings":[{"asset":"BTC","amount":"10"}],"reason":"ORDER_LIFTED","authorityReference":"23-SW-0412-A"}""") < 0) {
                return;
            }
            long version = write("release", cases + caseId + "/releases", tokens.supervisor, 201, """
                    {"reason":"ORDER_LIFTED","authorityReference":"23-SW-0412-B"}""");
            if (version < 0) {
                return;
            }
            JsonNode view = read("lag", cases + caseId + "?minVersion=" + version);
            if (view != null && view.path("version").asLong(-1) != version) {
                error("case view of " + caseId + " still at version " + view.path("version") + " after the wait for "
                        + version);
            }
            read("case-view", cases + caseId);
            if (previousCase != null) { // an earlier case: the audit trail is a projection of its own, read as a portal
                read(
                        "history",
                        cases + previousCase + "/history?minVersion=" + previousVersion); // reads its own writes
            }
            previousCase = caseId;
            previousVersion = version;
        }

        /** Sends a write; answers the case version it reports, or -1 after counting an error. */
        private long write(String endpoint, String path, String token, int expectedStatus, String body)
                throws InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = send(endpoint, request);
            if (response == null) {
                return -1;
            }
            if (response.statusCode() != expectedStatus) {
                error(endpoint + " " + path + " answered " + response.statusCode() + ": " + response.body());
                return -1;
            }
            if (inWindow()) {
                commands.incrementAndGet();
            }
            try {
                return JSON.readTree(response.body()).path("version").asLong(-1);
            } catch (IOException e) {
                error(endpoint + " answered no JSON: " + response.body());
                return -1;
            }
        }

        private JsonNode read(String endpoint, String path) throws InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Bearer " + tokens.officer)
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build();
            HttpResponse<String> response = send(endpoint, request);
            if (response == null) {
                return null;
            }
            if (response.statusCode() != 200
                    || response.headers().firstValue("Warning").isPresent()) {
                error(endpoint + " " + path + " answered " + response.statusCode() + " "
                        + response.headers().firstValue("Warning").orElse(""));
                return null;
            }
            if (inWindow() && !endpoint.equals("lag")) {
                reads.incrementAndGet();
            }
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                error(endpoint + " answered no JSON");
                return null;
            }
        }

        private HttpResponse<String> send(String endpoint, HttpRequest request) throws InterruptedException {
            long started = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long finished = System.nanoTime();
                if (finished >= windowStart && finished <= windowEnd) {
                    latencies.get(endpoint).recordValue(finished - started);
                }
                return response;
            } catch (IOException e) {
                error(endpoint + " failed: " + e);
                return null;
            }
        }

        private boolean inWindow() {
            long now = System.nanoTime();
            return now >= windowStart && now <= windowEnd;
        }

        private void error(String message) {
            errors.incrementAndGet();
            if (errorSamples.size() < 5) {
                errorSamples.add(message.length() > 400 ? message.substring(0, 400) : message);
            }
        }
    }
}

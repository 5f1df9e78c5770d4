package io.holdfast.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * What each console page costs the server as the store grows: a page is the API reads its script
 * makes when it opens (the console is a client of the API), timed one after another on loopback,
 * with the bytes of those answers and of the page's own files. The store is grown in place, so every
 * size is measured on the same Holdfast: cases flagged, one in a hundred with a warrant and a freeze
 * request waiting for approval.
 */
final class ConsolePagesBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHA = "a".repeat(64);
    private static final int SAMPLES = 100;
    private static final int WARM_UP = 200;

    private final Deployment deployment;
    private final Tokens tokens;
    private final Report report;
    private final List<Integer> sizes;
    private final Path staticFiles;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ConsolePagesBenchmark(Deployment deployment, Tokens tokens, Report report, List<Integer> sizes, Path staticFiles) {
        this.deployment = deployment;
        this.tokens = tokens;
        this.report = report;
        this.sizes = sizes;
        this.staticFiles = staticFiles;
    }

    void run(String storeName) throws Exception {
        report.line("### The console's pages on %s", storeName);
        report.line("");
        report.line(
                "| cases | page | API reads | server ms p50 / p99 (the reads one after another) | API bytes | page files bytes |");
        report.line("|---|---|---|---|---|---|");
        try (HoldfastProcess holdfast = deployment.startHoldfast("console", Variant.HOLDFAST)) {
            int flagged = 0;
            for (int size : sizes) {
                grow(holdfast.baseUrl, flagged, size);
                flagged = size;
                awaitListed(holdfast.baseUrl, size);
                measure(holdfast.baseUrl, size);
            }
        }
        report.line("");
    }

    private void measure(String base, int size) throws Exception {
        String soon = Instant.now().plus(Duration.ofDays(7)).toString();
        long total = JSON.readTree(get(base, "/api/cases?size=1").body())
                .path("total")
                .asLong();
        long lastPage = Math.max(0, (total - 1) / 20);
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put(
                "cases.html",
                List.of(
                        "/api/cases?attention=FREEZE_AWAITING_APPROVAL&size=20",
                        "/api/cases?attention=WARRANT_EXPIRED&size=20",
                        "/api/warrants?expiringBefore=" + soon + "&size=20",
                        "/api/obligations?status=OVERDUE&size=20",
                        "/api/obligations?status=OPEN&dueBefore=" + soon + "&size=20",
                        "/api/cases?size=20"));
        pages.put("cases.html, last page", List.of("/api/cases?size=20&page=" + lastPage));
        String caseId = "CONSOLE-" + (size / 2) + "-P";
        pages.put("case.html", List.of("/api/cases/" + caseId, "/api/cases/" + caseId + "/history"));
        List<String> approvals = new ArrayList<>(List.of("/api/cases?attention=FREEZE_AWAITING_APPROVAL&size=20"));
        JSON.readTree(get(base, approvals.get(0)).body())
                .path("items")
                .forEach(item ->
                        approvals.add("/api/cases/" + item.path("caseId").asText()));
        pages.put("approvals.html", approvals);
        pages.put("audit.html", List.of("/api/audit/events?page=0&size=50", "/api/audit/ledger/checkpoints?size=20"));
        pages.put("sanctions.html", List.of("/api/sanctions/lists"));
        for (Map.Entry<String, List<String>> page : pages.entrySet()) {
            Histogram nanos = new Histogram(60_000_000_000L, 3);
            long bytes = 0;
            for (int i = 0; i < WARM_UP + SAMPLES; i++) {
                long started = System.nanoTime();
                long read = 0;
                for (String path : page.getValue()) {
                    HttpResponse<String> answer = get(base, path);
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException(
                                path + " answered " + answer.statusCode() + ": " + answer.body());
                    }
                    read += answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                }
                if (i >= WARM_UP) {
                    nanos.recordValue(System.nanoTime() - started);
                    bytes = read;
                }
            }
            report.line(
                    "| %,d | %s | %d | %s / %s | %,d | %,d |",
                    size,
                    page.getKey(),
                    page.getValue().size(),
                    Report.millis(nanos, 50),
                    Report.millis(nanos, 99),
                    bytes,
                    pageFileBytes(page.getKey().split(",")[0]));
        }
    }

    /** The page's HTML with the stylesheet and scripts it loads. */
    private long pageFileBytes(String page) throws Exception {
        Path html = staticFiles.resolve(page);
        long bytes = Files.size(html) + Files.size(staticFiles.resolve("assets/console.css"));
        for (String line : Files.readAllLines(html)) {
            int at = line.indexOf("src=\"assets/");
            if (at >= 0) {
                bytes += Files.size(staticFiles.resolve(line.substring(at + 5, line.indexOf('"', at + 5))));
            }
        }
        return bytes;
    }

    /** Flags cases {@code from} up to {@code to}; one in a hundred also gets a warrant and a freeze request. */
    private void grow(String base, int from, int to) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        AtomicInteger next = new AtomicInteger(from);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            running.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                    boolean pending = i % 100 == 0;
                    String caseId = "CONSOLE-" + i + (pending ? "-P" : "");
                    post(base, "/api/cases", """
                            {"caseId":"%s","accountId":"ACC-%d","subject":{"holderName":"Holder %d","walletAddresses":[]},
                             "reason":{"type":"SANCTIONS_MATCH","list":"OFAC-SDN","listEntryId":"SDN-%d","details":"wallet match"},
                             "evidence":[{"description":"screening hit report","sha256":"%s"}]}""".formatted(caseId, i, i, i, SHA));
                    if (pending) {
                        post(base, "/api/cases/" + caseId + "/warrants", """
                                {"warrantId":"W-1","orderType":"SEIZURE_WARRANT","issuingAuthority":"U.S. District Court",
                                 "requestingAgency":"FBI","jurisdiction":"US-DC","referenceNumber":"23-SW-%d",
                                 "issuedAt":"2026-01-01T00:00:00Z","expiresAt":"2030-01-01T00:00:00Z",
                                 "scope":[{"asset":"BTC"}],"documentSha256":"%s"}""".formatted(i, SHA));
                        post(base, "/api/cases/" + caseId + "/freeze-requests", """
                                {"requestId":"R-1","warrantId":"W-1","holdings":[{"asset":"BTC","amount":"1.5"}]}""");
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
    }

    private void awaitListed(String base, int size) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (JSON.readTree(get(base, "/api/cases?size=1").body())
                            .path("total")
                            .asLong()
                    >= size) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the case list did not reach " + size + " cases");
    }

    private void post(String base, String path, String body) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", "Bearer " + tokens.officer)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofMinutes(1))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 == 2) {
                return;
            }
            if (answer.statusCode() != 503 || attempt > 50) {
                throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> get(String base, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + tokens.supervisor)
                        .timeout(Duration.ofMinutes(1))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

package io.holdfast.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cheapest request Holdfast answers behind its security: every client reads one case's view
 * (one row by key) flat out. Whatever a command costs on top of this is the command itself; what
 * this costs is the floor of HTTP, token checks, authorization and JSON on the same machine.
 */
final class CaseViewReads {

    record Result(long reads, double seconds, long errors, List<String> errorSamples) {
        double readsPerSecond() {
            return reads / seconds;
        }
    }

    private final String baseUrl;
    private final Tokens tokens;
    private final HttpClient http = LifecycleLoad.portalClient();

    CaseViewReads(String baseUrl, Tokens tokens) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
    }

    Result run(String caseId, int clients, Duration window) throws Exception {
        long windowEnd = System.nanoTime() + window.toNanos();
        AtomicLong reads = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/cases/" + caseId))
                .header("Authorization", "Bearer " + tokens.officer)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                while (System.nanoTime() < windowEnd) {
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            failed(errors, errorSamples, "case view answered " + response.statusCode());
                        } else if (System.nanoTime() <= windowEnd) {
                            reads.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failed(errors, errorSamples, "case view failed: " + e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : work) {
            future.get();
        }
        pool.shutdown();
        return new Result(reads.get(), window.toNanos() / 1e9, errors.get(), List.copyOf(errorSamples));
    }

    private static void failed(AtomicLong errors, ConcurrentLinkedQueue<String> samples, String message) {
        errors.incrementAndGet();
        if (samples.size() < 5) {
            samples.add(message);
        }
    }
}

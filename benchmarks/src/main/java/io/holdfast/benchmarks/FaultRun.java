package io.holdfast.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.benchmarks.faults.History;
import io.holdfast.benchmarks.faults.History.Outcome;
import io.holdfast.benchmarks.faults.HistoryChecker;
import io.holdfast.benchmarks.faults.StoreFacts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fault scenario under the lifecycle load, checked as a database is checked: portals drive case
 * lifecycles with Idempotency-Keys and retries, each request recorded in a {@link History} as ok,
 * failed or unknown, and each write followed by a read at its version; the fault strikes several times;
 * then the history is checked against the event store, a fresh replay of every read model, every case's
 * audit chain and the ledger ({@link HistoryChecker}).
 */
final class FaultRun {

    /** What the run found: requests by outcome, answers 500, anomalies, the longest recovery, the largest Retry-After. */
    record Result(
            String scenario,
            String store,
            int faults,
            long ok,
            long failed,
            long unknown,
            long serverErrors,
            List<HistoryChecker.Anomaly> anomalies,
            double longestRecoverySeconds,
            long largestRetryAfterSeconds,
            long lifecycles,
            long readsSaidStale,
            java.util.SortedMap<String, Long> problems,
            long neverAnswered) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Deployment deployment;
    private final Tokens tokens;
    private final Fault fault;
    private final int faults;
    private final int clients;
    private final Random random = new Random();
    private final History history = new History();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong largestRetryAfter = new AtomicLong();
    private final AtomicLong neverAnswered = new AtomicLong();
    private final java.util.concurrent.ConcurrentSkipListMap<String, Long> problems =
            new java.util.concurrent.ConcurrentSkipListMap<>();
    private final AtomicLong lastOkNanos = new AtomicLong(System.nanoTime());
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    private final String database;
    /** Where each request goes: the live nodes' addresses, taken in turn, as a load balancer without health checks does. */
    private volatile List<String> baseUrls;

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong latestExpiryMillis = new AtomicLong();

    FaultRun(Deployment deployment, Tokens tokens, Fault fault, int faults, int clients) {
        this.deployment = deployment;
        this.tokens = tokens;
        this.fault = fault;
        this.faults = faults;
        this.clients = clients;
        this.database = "faults_" + fault.name().replace('-', '_');
    }

    Result run() throws Exception {
        AtomicBoolean driving = new AtomicBoolean(true);
        ExecutorService portals = Executors.newFixedThreadPool(clients);
        fault.prepare(deployment, database);
        List<HoldfastProcess> nodes = new ArrayList<>();
        for (int node = 0; node < fault.nodes(); node++) {
            nodes.add(
                    fault.nodes() == 1
                            ? deployment.startHoldfast(database, Variant.HOLDFAST)
                            : deployment.startNode(database, node));
        }
        baseUrls = addresses(nodes);
        List<Future<Integer>> drivers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            drivers.add(portals.submit(() -> drive("portal-" + client, driving)));
        }
        double longestRecovery = 0;
        long lifecycles = 0;
        StoreFacts facts;
        try {
            for (int strike = 1; strike <= faults; strike++) {
                Thread.sleep(4_000 + random.nextInt(4_000));
                nodes = fault.strike(deployment, database, nodes);
                baseUrls = addresses(nodes);
                long ended = System.nanoTime();
                longestRecovery = Math.max(longestRecovery, awaitOk(ended));
            }
            Thread.sleep(2_000);
            driving.set(false);
            for (Future<Integer> driver : drivers) {
                lifecycles += driver.get();
            }
            portals.shutdown();
            // every deadline set during the run is due, with the scheduler's polling to spare
            Thread.sleep(Math.max(0, latestExpiryMillis.get() + 25_000 - System.currentTimeMillis()));
            facts = checkStore(nodes);
        } catch (Exception | Error failed) {
            // a run that ends here, while striking or checking, leaves no portal and no Holdfast behind
            // to hold the store's file or a port
            portals.shutdownNow();
            for (HoldfastProcess node : nodes) {
                node.close();
            }
            throw failed;
        } finally {
            driving.set(false);
        }
        List<HistoryChecker.Anomaly> anomalies = HistoryChecker.check(history, facts);
        return new Result(
                fault.name(),
                deployment.store.name().toLowerCase(),
                faults,
                history.count(Outcome.OK),
                history.count(Outcome.FAILED),
                history.count(Outcome.UNKNOWN),
                serverErrors.get(),
                anomalies,
                longestRecovery,
                largestRetryAfter.get(),
                lifecycles,
                history.staleReads(),
                new java.util.TreeMap<>(problems),
                neverAnswered.get());
    }

    /** The results as a table, with every anomaly named; answers the number of anomalies and answers 500. */
    static long report(Report report, List<Result> results) {
        report.line("");
        report.line("### Faults under the lifecycle load, checked against the store (%s)", java.time.LocalDate.now());
        report.line("");
        report.line(
                "| scenario | store | faults | writes ok | failed | unknown | answers 500 | anomalies | longest recovery, s | largest Retry-After, s | lifecycles completed | reads said stale (Warning 110) | problems answered to writes | requests never answered |");
        report.line("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        long bad = 0;
        for (Result result : results) {
            report.line(
                    "| %s | %s | %d | %d | %d | %d | %d | **%d** | %.1f | %d | %d | %d | %s | %d |",
                    result.scenario(),
                    result.store(),
                    result.faults(),
                    result.ok(),
                    result.failed(),
                    result.unknown(),
                    result.serverErrors(),
                    result.anomalies().size(),
                    result.longestRecoverySeconds(),
                    result.largestRetryAfterSeconds(),
                    result.lifecycles(),
                    result.readsSaidStale(),
                    result.problems(),
                    result.neverAnswered());
            bad += result.anomalies().size() + result.serverErrors() + result.neverAnswered();
        }
        for (Result result : results) {
            result.anomalies()
                    .forEach(anomaly -> report.line("  %s on %s: %s", result.scenario(), result.store(), anomaly));
        }
        report.line("");
        return bad;
    }

    /** Seconds from the fault's end until a write is acknowledged again. */
    private double awaitOk(long since) throws InterruptedException {
        long deadline = since + Duration.ofMinutes(3).toNanos();
        while (lastOkNanos.get() < since) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no write acknowledged within 3 minutes of the fault's end");
            }
            Thread.sleep(50);
        }
        return (lastOkNanos.get() - since) / 1e9;
    }

    /**
     * Stops Holdfast, reads the stored events and every read model, starts it again, replays every
     * projection, verifies every case's audit chain and the ledger, stops it and reads the read models
     * again: the facts the checker compares the history with.
     */
    private StoreFacts checkStore(List<HoldfastProcess> nodes) throws Exception {
        HoldfastProcess running = nodes.get(0);
        for (String projection : Variant.PROJECTIONS) {
            awaitLiveOnEither(nodes, projection);
        }
        // the audit chains and the ledger as the faults left them, before any replay rebuilds them
        List<String> failures = new ArrayList<>(verifications(running));
        for (HoldfastProcess node : nodes) {
            node.close();
        }
        StoredRecord before = StoredRecord.read(deployment, database);
        try (HoldfastProcess holdfast = deployment.startHoldfast(database, Variant.HOLDFAST)) {
            for (String projection : Variant.PROJECTIONS) {
                if (holdfast.post("/api/admin/replays/" + projection) != 202) {
                    failures.add("the replay of " + projection + " was not accepted");
                }
                holdfast.awaitLive(projection, Duration.ofMinutes(10));
            }
        }
        StoredRecord after = StoredRecord.read(deployment, database);
        return new StoreFacts(
                before.eventsByKey(),
                before.sequencesByCase(),
                before.deadlineEventsByCase(),
                before.tablesUnlike(after),
                failures);
    }

    /**
     * Until a node that holds the projection's segments says it is live at the head: a node started
     * again after its segments were taken over holds none, and says nothing of them.
     */
    private static void awaitLiveOnEither(List<HoldfastProcess> nodes, String projection) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (HoldfastProcess node : nodes) {
                try {
                    node.awaitLive(projection, Duration.ofSeconds(2));
                    return;
                } catch (IllegalStateException notThere) {
                    // this node holds none of its segments, or has not caught up yet
                }
            }
        }
        throw new IllegalStateException(projection + " did not catch up on any node within 10 minutes");
    }

    /** Every case's audit chain and the ledger, once the ledger holds every audited event. */
    private List<String> verifications(HoldfastProcess holdfast) throws InterruptedException {
        List<String> failures = new ArrayList<>();
        long audited = holdfast.get("/api/audit/events?size=1", tokens.auditor)
                .path("total")
                .asLong();
        awaitLedger(holdfast, audited);
        JsonNode cases = holdfast.get("/api/cases?size=200", tokens.auditor);
        for (int page = 0; page * 200L < cases.path("total").asLong(); page++) {
            for (JsonNode summary : holdfast.get("/api/cases?size=200&page=" + page, tokens.auditor)
                    .path("items")) {
                String caseId = summary.path("caseId").asText();
                try {
                    JsonNode verification =
                            holdfast.get("/api/cases/" + caseId + "/history/verification", tokens.auditor);
                    if (!verification.path("valid").asBoolean()) {
                        failures.add("the audit chain of " + caseId + " does not verify: " + verification);
                    }
                } catch (IllegalStateException unanswered) {
                    // a case the list shows whose history is missing is a finding, not the end of the check
                    failures.add("the audit chain of " + caseId + " could not be read: " + unanswered.getMessage());
                }
            }
        }
        JsonNode ledger = holdfast.get("/api/audit/ledger/verification", tokens.admin, java.time.Duration.ofMinutes(5));
        if (!ledger.path("valid").asBoolean()) {
            failures.add("the ledger does not verify: "
                    + ledger.path("firstDifference").asText());
        }
        return failures;
    }

    private static void awaitLedger(HoldfastProcess holdfast, long caseEvents) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            holdfast.post("/api/audit/ledger/checkpoints");
            JsonNode latest = holdfast.get("/api/audit/ledger/checkpoints/latest");
            if (latest.path("treeSize").asLong() >= caseEvents) {
                return;
            }
            Thread.sleep(100);
        }
    }

    /** One portal: whole lifecycles, every write with an Idempotency-Key, sent again with it until answered. */
    private int drive(String client, AtomicBoolean driving) throws InterruptedException {
        int lifecycles = 0;
        for (int n = 0; driving.get(); n++) {
            String caseId = "FAULT-" + client + "-" + n;
            boolean completed = true;
            for (Lifecycle.Step step : Lifecycle.steps(caseId, tokens)) {
                long version = write(client, caseId, step, caseId + "-" + step.kind());
                if (version < 0) {
                    completed = false;
                    break;
                }
                readAtLeast(client, caseId, version);
                if (!driving.get()) {
                    return lifecycles;
                }
            }
            if (completed) {
                lifecycles++;
            }
            if (fault.nodes() > 1 && driving.get()) {
                // a case whose warrant expires in 20 s: its deadlines fire on whichever node holds them then
                java.time.Instant expiresAt = java.time.Instant.now().plusSeconds(20);
                latestExpiryMillis.accumulateAndGet(expiresAt.toEpochMilli(), Math::max);
                String expiring = caseId + "-D";
                for (Lifecycle.Step step : Lifecycle.expiringWarrant(expiring, tokens, expiresAt)) {
                    long version = write(client, expiring, step, expiring + "-" + step.kind());
                    if (version < 0) {
                        break;
                    }
                    readAtLeast(client, expiring, version);
                }
            }
        }
        return lifecycles;
    }

    /** Sends the write until it gets a definite answer: the version it names, or -1 when refused. */
    private long write(String client, String caseId, Lifecycle.Step step, String key) throws InterruptedException {
        for (int attempt = 0; attempt < 1_200; attempt++) {
            long invoked = System.nanoTime();
            try {
                HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(nextNode() + step.path()))
                        .header("Authorization", "Bearer " + step.token())
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(step.body()))
                        .build());
                int status = answer.statusCode();
                answer.headers()
                        .firstValue("Retry-After")
                        .ifPresent(seconds -> largestRetryAfter.accumulateAndGet(Long.parseLong(seconds), Math::max));
                if (status / 100 == 2) {
                    long version = JSON.readTree(answer.body()).path("version").asLong(-1);
                    history.write(client, step.kind(), caseId, key, Outcome.OK, status, version, invoked);
                    lastOkNanos.accumulateAndGet(System.nanoTime(), Math::max);
                    return version;
                }
                if (status >= 500 && status != 503) {
                    serverErrors.incrementAndGet();
                    System.err.println("answered " + status + " to " + step.path() + ": " + answer.body());
                }
                String problem = status >= 400 ? problemType(answer.body()) : "";
                if (status >= 400) {
                    problems.merge(problem, 1L, Long::sum);
                }
                if ("request-in-progress".equals(problem) || status >= 500) {
                    // still being processed under this key, or the node or its store is away: the same key again;
                    // any other refusal (a rule, a concurrent change) is definite
                    history.write(client, step.kind(), caseId, key, Outcome.UNKNOWN, status, -1, invoked);
                } else {
                    history.write(client, step.kind(), caseId, key, Outcome.FAILED, status, -1, invoked);
                    return -1;
                }
            } catch (IOException lost) {
                history.write(client, step.kind(), caseId, key, Outcome.UNKNOWN, 0, -1, invoked);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(step.path() + " with Idempotency-Key " + key + " got no answer in two minutes");
    }

    /**
     * The request's answer, or an IOException once its time-out has passed by 30 s: the JDK's client
     * does not end every exchange at its time-out, and a portal must go on (the request counts unknown).
     */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        java.util.concurrent.CompletableFuture<HttpResponse<String>> answer =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return answer.get(
                    request.timeout()
                            .orElse(Duration.ofSeconds(15))
                            .plusSeconds(30)
                            .toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException unanswered) {
            answer.cancel(true);
            unanswered(request);
            throw new IOException("no answer to " + request.uri(), unanswered);
        } catch (java.util.concurrent.ExecutionException failed) {
            throw failed.getCause() instanceof IOException io ? io : new IOException(failed.getCause());
        }
    }

    private void unanswered(HttpRequest request) {
        neverAnswered.incrementAndGet();
        System.err.println("no answer within its time-out and 30 s: " + request.method() + " " + request.uri());
    }

    private String nextNode() {
        List<String> live = baseUrls;
        return live.get((int) (requests.getAndIncrement() % live.size()));
    }

    private static List<String> addresses(List<HoldfastProcess> nodes) {
        return nodes.stream().map(node -> node.baseUrl).toList();
    }

    /** The last part of a problem's type, or the answer's start when it is not a problem. */
    private static String problemType(String body) {
        try {
            String type = JSON.readTree(body).path("type").asText("");
            return type.isEmpty() ? "not a problem" : type.substring(type.lastIndexOf('/') + 1);
        } catch (IOException unreadable) {
            return "not a problem";
        }
    }

    /** Reads the case at least at that version (read your writes); recorded when answered. */
    private void readAtLeast(String client, String caseId, long version) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            long invoked = System.nanoTime();
            try {
                HttpResponse<String> answer = send(HttpRequest.newBuilder(
                                URI.create(nextNode() + "/api/cases/" + caseId + "?minVersion=" + version))
                        .header("Authorization", "Bearer " + tokens.auditor)
                        .timeout(Duration.ofSeconds(15))
                        .GET()
                        .build());
                if (answer.statusCode() == 200) {
                    // a view older than asked for comes with Warning: 110 once the read-your-writes wait ends
                    boolean saidStale = answer.headers().firstValue("Warning").isPresent();
                    history.read(
                            client,
                            caseId,
                            JSON.readTree(answer.body()).path("version").asLong(),
                            saidStale,
                            invoked);
                    return;
                }
                if (answer.statusCode() >= 500 && answer.statusCode() != 503) {
                    serverErrors.incrementAndGet();
                    System.err.println(
                            "answered " + answer.statusCode() + " to a read of " + caseId + ": " + answer.body());
                }
            } catch (IOException lost) {
                // the node is away: read again when it is back
            }
            Thread.sleep(100);
        }
    }
}

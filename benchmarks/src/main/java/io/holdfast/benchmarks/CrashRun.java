package io.holdfast.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Kills Holdfast on PostgreSQL with SIGKILL at random moments while portals drive case lifecycles,
 * restarts it each time, and then checks that nothing acknowledged was lost or applied twice: every
 * 2xx answer has its event in the store exactly once, every Idempotency-Key was applied once, every
 * projection equals a fresh replay, and every case's audit chain verifies. Exits non-zero on any
 * mismatch.
 */
final class CrashRun {

    private static final String DATABASE = "crash";
    private static final int CLIENTS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One acknowledged command: the case, the version its answer named, and the key it was sent with. */
    record Acknowledged(String caseId, long version, String idempotencyKey) {}

    private final Deployment deployment;
    private final Tokens tokens;
    private final Report report;
    private final int kills;
    private final Random random = new Random();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    private volatile String baseUrl;
    private final java.util.concurrent.atomic.AtomicLong retried = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong replayed = new java.util.concurrent.atomic.AtomicLong();

    CrashRun(Deployment deployment, Tokens tokens, Report report, int kills) {
        this.deployment = deployment;
        this.tokens = tokens;
        this.report = report;
        this.kills = kills;
    }

    /** Answers the number of mismatches found. */
    long run() throws Exception {
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean driving = new AtomicBoolean(true);
        ExecutorService portals = Executors.newFixedThreadPool(CLIENTS);
        HoldfastProcess holdfast = deployment.startHoldfast(DATABASE, Variant.HOLDFAST);
        baseUrl = holdfast.baseUrl;
        List<Future<Integer>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(portals.submit(() -> drive(client, driving, acknowledged)));
        }
        for (int kill = 1; kill <= kills; kill++) {
            Thread.sleep(2_000 + random.nextInt(6_000));
            holdfast.kill();
            report.line("  SIGKILL %d of %d after %d acknowledged commands", kill, kills, acknowledged.size());
            holdfast = deployment.startHoldfast(DATABASE, Variant.HOLDFAST);
            baseUrl = holdfast.baseUrl;
        }
        Thread.sleep(3_000);
        driving.set(false);
        int lifecycles = 0;
        for (Future<Integer> client : clients) {
            lifecycles += client.get();
        }
        portals.shutdown();
        try (HoldfastProcess last = holdfast;
                HikariDataSource store = deployment.dataSource(DATABASE, 2)) {
            for (String projection : Variant.PROJECTIONS) {
                last.awaitLive(projection, Duration.ofMinutes(10));
            }
            return check(last, store, List.copyOf(acknowledged), lifecycles);
        }
    }

    /** One portal: whole lifecycles, every write with an Idempotency-Key, retried with the same key until answered. */
    private int drive(int client, AtomicBoolean driving, ConcurrentLinkedQueue<Acknowledged> acknowledged)
            throws InterruptedException {
        int lifecycles = 0;
        String sha = "a".repeat(64);
        for (int n = 0; driving.get(); n++) {
            String caseId = "CRASH-" + client + "-" + n;
            String cases = "/api/cases/" + caseId;
            List<String[]> steps = List.of(
                    new String[] {"/api/cases", tokens.officer, """
                            {"caseId":"%s","accountId":"ACC-%s","subject":{"holderName":"Kim Sang Man","walletAddresses":[]},
                             "reason":{"type":"SANCTIONS_MATCH","list":"OFAC-SDN","listEntryId":"SDN-1","details":"wallet match"},
                             "evidence":[{"description":"screening hit report","sha256":"%s"}]}""".formatted(caseId, caseId, sha)},
                    new String[] {cases + "/warrants", tokens.officer, """
                            {"warrantId":"W-1","orderType":"SEIZURE_WARRANT","issuingAuthority":"U.S. District Court","requestingAgency":"FBI",
                             "jurisdiction":"US-DC","referenceNumber":"23-SW-1","issuedAt":"2026-01-01T00:00:00Z","expiresAt":"2031-01-01T00:00:00Z",
                             "scope":[{"asset":"BTC"}],"documentSha256":"%s"}""".formatted(sha)},
                    new String[] {
                        cases + "/freeze-requests",
                        tokens.officer,
                        "{\"requestId\":\"R-1\",\"warrantId\":\"W-1\",\"holdings\":[{\"asset\":\"BTC\",\"amount\":\"5\"}]}"
                    },
                    new String[] {cases + "/freeze-requests/R-1/approval", tokens.supervisor, "{}"},
                    new String[] {
                        cases + "/releases",
                        tokens.supervisor,
                        "{\"holdings\":[{\"asset\":\"BTC\",\"amount\":\"2\"}],\"reason\":\"ORDER_LIFTED\",\"authorityReference\":\"A\"}"
                    },
                    new String[] {
                        cases + "/releases",
                        tokens.supervisor,
                        "{\"reason\":\"ORDER_LIFTED\",\"authorityReference\":\"B\"}"
                    });
            for (int step = 0; step < steps.size(); step++) {
                String key = caseId + "-step-" + step;
                long version = sendUntilAnswered(steps.get(step), key);
                acknowledged.add(new Acknowledged(caseId, version, key));
            }
            lifecycles++;
        }
        return lifecycles;
    }

    private long sendUntilAnswered(String[] step, String key) throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            try {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + step[0]))
                                .header("Authorization", "Bearer " + step[1])
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", key)
                                .timeout(Duration.ofSeconds(10))
                                .POST(HttpRequest.BodyPublishers.ofString(step[2]))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() / 100 == 2) {
                    if (attempt > 0) {
                        retried.incrementAndGet();
                    }
                    if (answer.headers().firstValue("Idempotency-Replayed").isPresent()) {
                        replayed.incrementAndGet(); // recorded before the kill, answered only now: applied once
                    }
                    return JSON.readTree(answer.body()).path("version").asLong();
                }
                if (answer.statusCode() != 409 && answer.statusCode() < 500) {
                    throw new IllegalStateException(
                            step[0] + " answered " + answer.statusCode() + ": " + answer.body());
                }
                // 409 "still being processed" or 5xx during a restart: the same key again shortly
            } catch (IOException e) {
                // the node is down: try again when it is back
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(step[0] + " with Idempotency-Key " + key + " got no answer within two minutes");
    }

    private long check(
            HoldfastProcess holdfast, HikariDataSource store, List<Acknowledged> acknowledged, int lifecycles)
            throws Exception {
        long missing = 0;
        long events;
        long doubled;
        try (Connection connection = store.getConnection();
                Statement statement = connection.createStatement()) {
            events = Sql.count(statement, "select count(*) from domain_event_entry");
            doubled = Sql.count(statement, """
                    select count(*) from (select convert_from(meta_data, 'UTF8')::jsonb ->> 'idempotencyKey' as idempotency_key
                    from domain_event_entry group by 1 having count(*) > 1) keys where idempotency_key is not null""");
            try (var exists = connection.prepareStatement("""
                    select count(*) from domain_event_entry where aggregate_identifier = ? and sequence_number = ?
                    and convert_from(meta_data, 'UTF8')::jsonb ->> 'idempotencyKey' = ?""")) {
                for (Acknowledged command : acknowledged) {
                    exists.setString(1, command.caseId());
                    exists.setLong(2, command.version());
                    exists.setString(3, command.idempotencyKey());
                    try (ResultSet result = exists.executeQuery()) {
                        result.next();
                        if (result.getLong(1) != 1) {
                            missing++;
                        }
                    }
                }
            }
        }
        Map<String, String> before = fingerprints(store);
        for (String projection : Variant.PROJECTIONS) {
            if (holdfast.post("/api/admin/replays/" + projection) != 202) {
                throw new IllegalStateException("the replay of " + projection + " was not accepted");
            }
            holdfast.awaitLive(projection, Duration.ofMinutes(10));
        }
        Map<String, String> after = fingerprints(store);
        long projectionMismatches = before.keySet().stream()
                .filter(table -> !before.get(table).equals(after.get(table)))
                .count();
        long invalidChains = 0;
        List<String> cases;
        try (Connection connection = store.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result =
                        statement.executeQuery("select distinct aggregate_identifier from domain_event_entry")) {
            cases = new ArrayList<>();
            while (result.next()) {
                cases.add(result.getString(1));
            }
        }
        for (String caseId : cases) {
            JsonNode verification = holdfast.get("/api/cases/" + caseId + "/history/verification", tokens.officer);
            if (!verification.path("valid").asBoolean()) {
                invalidChains++;
                report.line(
                        "  audit chain of %s does not verify: %s",
                        caseId, verification.path("finding").asText());
            }
        }
        long mismatches = missing + doubled + projectionMismatches + invalidChains;
        report.line("");
        report.line("### Crash test on postgres: %d SIGKILLs while %d portals ran lifecycles", kills, CLIENTS);
        report.line("");
        report.line(
                "Commands sent again after a kill: %d, of which %d had been recorded before the kill and were answered from the"
                        + " Idempotency-Key (Idempotency-Replayed) instead of being applied again.",
                retried.get(), replayed.get());
        report.line("");
        report.line(
                "| commands acknowledged | lifecycles completed | events stored | acknowledged but not stored once | Idempotency-Keys applied twice | projection tables unlike a fresh replay | audit chains not verifying (of %d) | mismatches |",
                cases.size());
        report.line("|---|---|---|---|---|---|---|---|");
        report.line(
                "| %d | %d | %d | %d | %d | %d | %d | **%d** |",
                acknowledged.size(),
                lifecycles,
                events,
                missing,
                doubled,
                projectionMismatches,
                invalidChains,
                mismatches);
        if (projectionMismatches > 0) {
            report.line(
                    "  tables unlike a replay: %s",
                    before.keySet().stream()
                            .filter(t -> !before.get(t).equals(after.get(t)))
                            .toList());
        }
        report.line("");
        return mismatches;
    }

    /** A digest of each projection table's whole content, independent of row order. */
    private static Map<String, String> fingerprints(HikariDataSource store) throws SQLException {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        try (Connection connection = store.getConnection();
                Statement statement = connection.createStatement()) {
            for (String table : List.of(
                    "case_view",
                    "case_summary",
                    "case_summary_agency",
                    "account_holding",
                    "registered_warrant",
                    "warrant_case_party",
                    "blocking_obligation",
                    "obligation_case_party",
                    "audit_entry",
                    "audit_case_party")) {
                try (ResultSet result = statement.executeQuery(
                        "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "
                                + table + " t")) {
                    result.next();
                    fingerprints.put(table, result.getString(1));
                }
            }
        }
        return fingerprints;
    }
}

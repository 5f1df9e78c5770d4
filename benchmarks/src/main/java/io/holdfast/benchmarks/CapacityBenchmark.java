package io.holdfast.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * How Holdfast's costs grow with the store (on the embedded default and PostgreSQL), at fractions of an exchange's year (10
 * million cases): a hundred template cases in a realistic mix of lifecycles are written through
 * Holdfast's own commands, then copied in the event store under new ids up to the scale, and every
 * projection, the audit trail and the ledger are rebuilt from them by catching up at start-up.
 * Each operation is measured at every scale, with the slope of log(cost) over log(size).
 */
final class CapacityBenchmark {

    static final long YEAR_CASES = 10_000_000L;
    private static final int TEMPLATES = 100;
    private static final int SAMPLES = 200;
    private static final long STEP = 500;
    private static final String TEMPLATE_EVENTS =
            "e.aggregate_identifier like 'CAP-%' and e.aggregate_identifier not like '%-c%'";
    private static final String SHA = "c".repeat(64);
    private static final List<String> TABLES = List.of(
            "domain_event_entry",
            "case_view",
            "case_summary",
            "account_holding",
            "registered_warrant",
            "blocking_obligation",
            "audit_entry",
            "ledger_leaf",
            "ledger_subtree");

    private final Deployment deployment;
    private final Tokens tokens;
    private final Report report;
    private final List<Double> scales;
    private java.time.Instant templatesWritten;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    CapacityBenchmark(Deployment deployment, Tokens tokens, Report report, List<Double> scales) {
        this.deployment = deployment;
        this.tokens = tokens;
        this.report = report;
        this.scales = scales;
    }

    void run() throws Exception {
        Map<String, Map<Double, Double>> costs = new LinkedHashMap<>();
        Map<Double, Long> events = new LinkedHashMap<>();
        for (double scale : scales) {
            String database = "capacity_" + Math.round(1 / scale);
            java.nio.file.Path backup = null;
            long cases = Math.round(YEAR_CASES * scale);
            try (HoldfastProcess holdfast = deployment.startHoldfast(database, Variant.HOLDFAST)) {
                templates(holdfast.baseUrl);
                templatesWritten = java.time.Instant.now();
                for (String projection : Variant.PROJECTIONS) {
                    holdfast.awaitLive(projection, Duration.ofMinutes(5));
                }
            }
            copy(database, cases / TEMPLATES - 1);
            try (HoldfastProcess holdfast = deployment.startHoldfast(database, Variant.HOLDFAST);
                    HikariDataSource store =
                            deployment.store == Store.POSTGRES ? deployment.dataSource(database, 2) : null) {
                long started = System.nanoTime();
                put(costs, "start-up to UP, s", scale, holdfast.startupSeconds);
                for (String projection : Variant.PROJECTIONS) {
                    holdfast.awaitLive(projection, Duration.ofHours(3));
                }
                put(
                        costs,
                        "rebuild of every projection and the audit trail (catching up after UP), s",
                        scale,
                        (System.nanoTime() - started) / 1e9);
                long ledgerStarted = System.nanoTime();
                long leaves = awaitLedger(holdfast);
                // every event of a case is audited, so the audit trail counts the store's events
                long generated = holdfast.get("/api/audit/events?size=1", tokens.supervisor)
                        .path("total")
                        .asLong();
                events.put(scale, generated);
                put(costs, "ledger settled after the audit trail, s", scale, (System.nanoTime() - ledgerStarted) / 1e9);
                copiesMatch(holdfast, cases / TEMPLATES - 1);
                measure(holdfast, scale, cases, leaves, costs);
                disk(store, database, generated, scale, costs);
                if (deployment.store == Store.H2) {
                    backup = backup(holdfast, generated, scale, costs);
                }
            }
            if (backup != null) {
                restore(database, backup, scale, costs);
            }
        }
        report.line(
                "### Capacity on %s: costs as the store grows (%s)",
                deployment.store.name().toLowerCase(), java.time.LocalDate.now());
        report.line("");
        StringBuilder header = new StringBuilder("| operation |");
        StringBuilder rule = new StringBuilder("|---|");
        for (double scale : scales) {
            header.append(String.format(
                    " 1/%,d of a year: %,d cases, %,d events |",
                    Math.round(1 / scale), Math.round(YEAR_CASES * scale), events.get(scale)));
            rule.append("---|");
        }
        header.append(" slope of log(cost) over log(size) |");
        rule.append("---|");
        report.line(header.toString());
        report.line(rule.toString());
        for (Map.Entry<String, Map<Double, Double>> operation : costs.entrySet()) {
            StringBuilder line = new StringBuilder("| " + operation.getKey() + " |");
            for (double scale : scales) {
                Double cost = operation.getValue().get(scale);
                line.append(cost == null ? " — |" : String.format(" %.2f |", cost));
            }
            double first = operation.getValue().getOrDefault(scales.get(0), Double.NaN);
            double last = operation.getValue().getOrDefault(scales.get(scales.size() - 1), Double.NaN);
            double slope = Math.log(last / first) / Math.log(scales.get(scales.size() - 1) / scales.get(0));
            line.append(String.format(" %.2f |", slope));
            report.line(line.toString());
        }
        report.line("");
    }

    private void measure(
            HoldfastProcess holdfast, double scale, long cases, long leaves, Map<String, Map<Double, Double>> costs)
            throws Exception {
        long copies = cases / TEMPLATES;
        IntFunction<String> anyCase = i -> {
            long copy = ThreadLocalRandom.current().nextLong(1, Math.max(2, copies));
            int template = ThreadLocalRandom.current().nextInt(TEMPLATES);
            return "CAP-" + template + "-c" + copy;
        };
        IntFunction<String> frozenCase =
                i -> "CAP-" + (70 + ThreadLocalRandom.current().nextInt(20)) + "-c"
                        + ThreadLocalRandom.current().nextLong(1, Math.max(2, copies));
        Map<String, IntFunction<String>> reads = new LinkedHashMap<>();
        reads.put("case view, ms p50", i -> "/api/cases/" + anyCase.apply(i));
        reads.put("case view ?minVersion=0, ms p50", i -> "/api/cases/" + anyCase.apply(i) + "?minVersion=0");
        reads.put(
                "case view ?asOf= an old case, ms p50",
                i -> "/api/cases/" + frozenCase.apply(i) + "?asOf=" + templatesWritten);
        reads.put("case history, ms p50", i -> "/api/cases/" + frozenCase.apply(i) + "/history");
        reads.put(
                "case history verification, ms p50",
                i -> "/api/cases/" + frozenCase.apply(i) + "/history/verification");
        reads.put("case list, first page, ms p50", i -> "/api/cases?size=20");
        reads.put("case list by status, ms p50", i -> "/api/cases?status=FROZEN&size=20");
        reads.put("case list by account, ms p50", i -> "/api/cases?accountId=ACC-" + anyCase.apply(i));
        reads.put("case list, last page, ms p50", i -> "/api/cases?size=20&page=" + Math.max(0, (cases - 1) / 20));
        reads.put("account holdings, ms p50", i -> "/api/accounts/ACC-" + frozenCase.apply(i) + "/holdings");
        reads.put(
                "warrant registry by expiry, ms p50", i -> "/api/warrants?expiringBefore=2031-01-01T00:00:00Z&size=20");
        reads.put("obligations due, ms p50", i -> "/api/obligations?status=OPEN&size=20");
        reads.put(
                "audit trail, a page, ms p50",
                i -> "/api/audit/events?size=50&page="
                        + ThreadLocalRandom.current().nextInt(100));
        reads.put(
                "audit trail, the last page, ms p50",
                i -> "/api/audit/events?size=50&page=" + Math.max(0, (leaves - 1) / 50));
        reads.put(
                "inclusion proof, ms p50",
                i -> "/api/audit/ledger/proofs/inclusion?ledgerIndex="
                        + ThreadLocalRandom.current().nextLong(leaves) + "&treeSize=" + leaves);
        reads.put(
                "consistency proof, ms p50",
                i -> "/api/audit/ledger/proofs/consistency?from="
                        + ThreadLocalRandom.current().nextLong(1, leaves) + "&to=" + leaves);
        reads.put("evidence bundle, ms p50", i -> "/api/cases/" + frozenCase.apply(i) + "/evidence-bundle");
        for (Map.Entry<String, IntFunction<String>> read : reads.entrySet()) {
            put(
                    costs,
                    read.getKey(),
                    scale,
                    p50(i -> send(holdfast.baseUrl, "GET", read.getValue().apply(i), null)));
        }
        put(
                costs,
                "note on a case (a lifecycle command), ms p50",
                scale,
                p50(i -> send(
                        holdfast.baseUrl,
                        "POST",
                        "/api/cases/" + anyCase.apply(i) + "/notes",
                        "{\"text\":\"capacity\"}")));
        put(
                costs,
                "signing a checkpoint, ms",
                scale,
                once(() -> send(holdfast.baseUrl, "POST", "/api/audit/ledger/checkpoints", "")));
        long verifying = System.nanoTime();
        JsonNode verification = verifyLedger(holdfast);
        put(costs, "ledger verification, s", scale, (System.nanoTime() - verifying) / 1e9);
        // a finding is reported in the figures and the run goes on, so the sizes after it are still measured
        put(
                costs,
                "ledger verification valid (1 yes, 0 no)",
                scale,
                verification.path("valid").asBoolean() ? 1.0 : 0.0);
        if (!verification.path("valid").asBoolean()) {
            report.line(
                    "The ledger's verification at 1/%,d: %s",
                    Math.round(1 / scale), verification.path("firstDifference").asText());
        }
        put(costs, "heap used after the verification, MB", scale, holdfast.heapUsedBytes() / 1e6);
        export(holdfast, "text/csv", "CSV", scale, costs);
        export(holdfast, "application/x-ndjson", "JSON Lines", scale, costs);
    }

    /**
     * The proof that the copied store is the store commands would have written: every template's case
     * view, history (all but the ids, hashes and positions each event gets) and account holdings, as its
     * live projections wrote them, equal a copy's as the rebuild wrote them, with the copy's ids; and
     * the ledger over all of them verifies. A difference stops the run.
     */
    private void copiesMatch(HoldfastProcess holdfast, long copies) throws Exception {
        if (copies < 1) {
            return;
        }
        for (int template = 0; template < TEMPLATES; template++) {
            String original = "CAP-" + template;
            long copy = ThreadLocalRandom.current().nextLong(1, copies + 1);
            String copied = original + "-c" + copy;
            for (String read : List.of("/api/cases/%s", "/api/cases/%s/history", "/api/accounts/ACC-%s/holdings")) {
                String expected = comparable(holdfast.get(read.formatted(original), tokens.supervisor))
                        .replace(original + "\"", copied + "\"");
                String actual = comparable(holdfast.get(read.formatted(copied), tokens.supervisor));
                if (!expected.equals(actual)) {
                    throw new IllegalStateException("the copy " + copied + " differs from its template at "
                            + read.formatted(copied) + ":\n" + expected + "\n" + actual);
                }
            }
        }
        JsonNode verification = verifyLedger(holdfast);
        if (!verification.path("valid").asBoolean()) {
            throw new IllegalStateException("the ledger over the copies does not verify: " + verification);
        }
        report.line(
                "Each of the %d templates equals a copy of it at random (case view, history, holdings), and the ledger"
                        + " over the store verifies (%s leaves).",
                TEMPLATES, verification.path("treeSize").asText());
    }

    /** The ledger's verification, which reads every leaf: minutes at a tenth of a year. */
    private JsonNode verifyLedger(HoldfastProcess holdfast) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(holdfast.baseUrl + "/api/audit/ledger/verification"))
                        .header("Authorization", "Bearer " + tokens.admin)
                        .timeout(Duration.ofHours(2))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the ledger's verification answered " + answer.statusCode());
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body());
    }

    /** The answer without what each event is given anew: its id, hashes, global index and ledger position. */
    private static String comparable(JsonNode answer) {
        JsonNode copy = answer.deepCopy();
        copy.findParents("eventId")
                .forEach(entry -> ((com.fasterxml.jackson.databind.node.ObjectNode) entry)
                        .remove(List.of("eventId", "hash", "previousHash", "globalIndex", "ledgerIndex")));
        return copy.toString();
    }

    /** An online backup of the embedded store (`POST /api/admin/backups`): its time and its bytes per event. */
    private java.nio.file.Path backup(
            HoldfastProcess holdfast, long events, double scale, Map<String, Map<Double, Double>> costs)
            throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(holdfast.baseUrl + "/api/admin/backups"))
                        .header("Authorization", "Bearer " + tokens.admin)
                        .timeout(Duration.ofHours(2))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long spent = System.nanoTime() - started;
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("the backup answered " + answer.statusCode() + ": " + answer.body());
        }
        JsonNode taken = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body());
        put(costs, "online backup of the embedded store, s", scale, spent / 1e9);
        put(costs, "backup bytes per event (zip)", scale, taken.path("bytes").asDouble() / events);
        return deployment.h2Backup(
                "capacity_" + Math.round(1 / scale), taken.path("name").asText());
    }

    /** Holdfast started on an empty data folder from that backup: the time from start to UP, unpacking included. */
    private void restore(
            String database, java.nio.file.Path backup, double scale, Map<String, Map<Double, Double>> costs)
            throws Exception {
        // the signing key is kept beside the backups, not in them
        java.nio.file.Path key = backup.getParent().getParent().resolve("ledger-signing-key.pem");
        try (HoldfastProcess restored = deployment.startHoldfast(
                database + "_restored",
                Variant.HOLDFAST,
                "--holdfast.restore-from=" + backup,
                "--holdfast.ledger.signing-key=" + key)) {
            put(costs, "restore from that backup, start to UP, s", scale, restored.startupSeconds);
        }
    }

    /** The whole audit trail exported once in this form: its time, and the most heap Holdfast held meanwhile. */
    private void export(
            HoldfastProcess holdfast, String accept, String form, double scale, Map<String, Map<Double, Double>> costs)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(holdfast.baseUrl + "/api/audit/events"))
                .header("Authorization", "Bearer " + tokens.supervisor)
                .header("Accept", accept)
                .timeout(Duration.ofHours(2))
                .build();
        HeapWatch heap = new HeapWatch(holdfast);
        long started = System.nanoTime();
        HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
        long spent = System.nanoTime() - started;
        long peak = heap.stop();
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the " + form + " export answered " + answer.statusCode());
        }
        put(costs, "the whole audit trail exported as " + form + ", s", scale, spent / 1e9);
        put(costs, "the most heap held during the " + form + " export, MB", scale, peak / 1e6);
    }

    private void disk(
            HikariDataSource store, String database, long events, double scale, Map<String, Map<Double, Double>> costs)
            throws SQLException, java.io.IOException {
        if (store == null) {
            put(
                    costs,
                    "disk bytes per event: the embedded database file",
                    scale,
                    (double) deployment.h2FileBytes(database) / events);
            return;
        }
        try (Connection connection = store.getConnection();
                Statement statement = connection.createStatement()) {
            long total = 0;
            for (String table : TABLES) {
                long bytes = Sql.count(statement, "select pg_total_relation_size('" + table + "')");
                total += bytes;
                put(costs, "disk bytes per event: " + table + " with its indexes", scale, (double) bytes / events);
            }
            put(costs, "disk bytes per event: all of these", scale, (double) total / events);
        }
    }

    /** Waits until the ledger holds a leaf for every audit entry (asked over HTTP), and answers its size. */
    private long awaitLedger(HoldfastProcess holdfast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofHours(1).toNanos();
        while (System.nanoTime() < deadline) {
            long audited = holdfast.get("/api/audit/events?size=1", tokens.supervisor)
                    .path("total")
                    .asLong();
            send(holdfast.baseUrl, "POST", "/api/audit/ledger/checkpoints", "");
            long leaves = holdfast.get("/api/audit/ledger/checkpoints/latest", tokens.admin)
                    .path("treeSize")
                    .asLong();
            if (leaves >= audited && leaves > 0) {
                return leaves;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the ledger did not settle within an hour");
    }

    /** A hundred cases: 70 noted and dismissed, 20 frozen and released, 7 blocking orders with a report filed, 3 turned over. */
    private void templates(String base) throws Exception {
        for (int i = 0; i < TEMPLATES; i++) {
            String id = "CAP-" + i;
            String path = "/api/cases/" + id;
            send(base, "POST", "/api/cases", """
                    {"caseId":"%s","accountId":"ACC-%s","subject":{"holderName":"Holder %d","walletAddresses":["bc1q%d"]},
                     "reason":{"type":"SANCTIONS_MATCH","list":"OFAC-SDN","listEntryId":"SDN-%d","details":"wallet match"},
                     "evidence":[{"description":"screening hit report","sha256":"%s"}]}""".formatted(id, id, i, i, i, SHA));
            if (i < 70) {
                send(base, "POST", path + "/notes", "{\"text\":\"the holder's bank confirmed another person\"}");
                send(base, "POST", path + "/dismissal", "{\"reason\":\"a false match\"}");
                continue;
            }
            String order = i >= 90 && i < 97 ? "SANCTIONS_BLOCKING" : "SEIZURE_WARRANT";
            send(base, "POST", path + "/warrants", """
                    {"warrantId":"W-1","orderType":"%s","issuingAuthority":"U.S. District Court","requestingAgency":"FBI",
                     "jurisdiction":"US-DC","referenceNumber":"23-SW-%d","issuedAt":"2026-01-01T00:00:00Z",
                     "expiresAt":"2030-01-01T00:00:00Z","scope":[{"asset":"BTC"},{"asset":"USDT"}],"documentSha256":"%s"}""".formatted(order, i, SHA));
            send(base, "POST", path + "/warrants/W-1/extension", """
                    {"newExpiresAt":"2031-01-01T00:00:00Z","authorityReference":"23-SW-%d-X","documentSha256":"%s"}""".formatted(i, SHA));
            send(base, "POST", path + "/freeze-requests", """
                    {"requestId":"R-1","warrantId":"W-1","holdings":[{"asset":"BTC","amount":"2.5"},{"asset":"USDT","amount":"10000.00"}]}""");
            sendAs(
                    tokens.supervisor,
                    base,
                    "POST",
                    path + "/freeze-requests/R-1/approval",
                    "{\"comment\":\"checked\"}");
            if (i >= 90 && i < 97) {
                send(
                        base,
                        "POST",
                        path + "/obligations/R-1/report",
                        "{\"reportReference\":\"OFAC-BR-%d\",\"filedAt\":\"%s\"}"
                                .formatted(i, java.time.Instant.now()));
            }
            if (i >= 97) {
                sendAs(
                        tokens.supervisor,
                        base,
                        "POST",
                        path + "/turnovers",
                        "{\"destination\":\"U.S. Marshals Service\",\"authorityReference\":\"23-SW-%d-T\"}"
                                .formatted(i));
            } else {
                sendAs(tokens.supervisor, base, "POST", path + "/releases", """
                        {"holdings":[{"asset":"BTC","amount":"0.5"}],"reason":"ORDER_LIFTED","authorityReference":"23-SW-%d-A"}""".formatted(i));
            }
        }
    }

    /** Copies every template case {@code copies} times under new case and account ids. */
    private void copy(String database, long copies) throws Exception {
        if (deployment.store == Store.H2) {
            java.nio.file.Path script = deployment.work().resolve(database + "-copy.sql");
            try (java.io.BufferedWriter out = java.nio.file.Files.newBufferedWriter(script)) {
                for (long first = 1; first <= copies; first += STEP) {
                    out.write(
                            CaseCopies.sql(deployment.store, TEMPLATE_EVENTS, first, Math.min(copies, first + STEP - 1))
                                    + ";\n");
                }
            }
            deployment.runH2Script(database, script);
            return;
        }
        try (HikariDataSource store = deployment.dataSource(database, 2);
                Connection connection = store.getConnection();
                Statement statement = connection.createStatement()) {
            for (long first = 1; first <= copies; first += STEP) {
                statement.executeUpdate(
                        CaseCopies.sql(deployment.store, TEMPLATE_EVENTS, first, Math.min(copies, first + STEP - 1)));
            }
        }
    }

    private static void put(Map<String, Map<Double, Double>> costs, String operation, double scale, double cost) {
        costs.computeIfAbsent(operation, any -> new LinkedHashMap<>()).put(scale, cost);
    }

    private interface Call {
        long nanos(int i) throws Exception;
    }

    private static double p50(Call call) throws Exception {
        Histogram nanos = new Histogram(600_000_000_000L, 3);
        for (int i = 0; i < SAMPLES + 50; i++) {
            long spent = call.nanos(i);
            if (i >= 50) {
                nanos.recordValue(spent);
            }
        }
        return nanos.getValueAtPercentile(50) / 1e6;
    }

    private static double once(java.util.concurrent.Callable<Long> call) throws Exception {
        return call.call() / 1e6;
    }

    private long send(String base, String method, String path, String body) throws Exception {
        return sendAs(method.equals("GET") ? tokens.supervisor : tokens.officer, base, method, path, body);
    }

    /** Sends and answers the nanoseconds until the whole answer was read; anything but 2xx stops the run. */
    private long sendAs(String token, String base, String method, String path, String body) throws Exception {
        String as = path.contains("/ledger/") ? tokens.admin : token;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + as)
                .timeout(Duration.ofMinutes(30));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else if (method.equals("POST")) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.GET();
        }
        long started = System.nanoTime();
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long spent = System.nanoTime() - started;
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return spent;
    }
}

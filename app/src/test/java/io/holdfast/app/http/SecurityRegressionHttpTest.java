package io.holdfast.app.http;

import static io.holdfast.app.http.Api.warrantBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.http.Api.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint × every caller, from one table: the five roles, a liaison of the case's own agency
 * and one of another agency, and nobody at all. An endpoint added without a row here fails
 * {@link #everyEndpointHasARow()}, so a new endpoint cannot ship without a decided rule.
 */
class SecurityRegressionHttpTest extends HttpApiSupport {

    enum Caller {
        ANONYMOUS(null),
        OFFICER("officer"),
        SUPERVISOR("supervisor"),
        AUDITOR("auditor"),
        ADMIN("admin"),
        LIAISON_OWN_AGENCY("liaison-fbi"),
        LIAISON_OTHER_AGENCY("liaison-hsi");

        final String user;

        Caller(String user) {
            this.user = user;
        }
    }

    /** Who may call it, and whether it concerns one case (a case hidden from a caller answers 404). */
    record Rule(Set<Caller> permitted, boolean oneCase) {}

    private static final Set<Caller> CASE_WORKERS = EnumSet.of(Caller.OFFICER, Caller.SUPERVISOR);
    private static final Set<Caller> READERS = EnumSet.of(
            Caller.OFFICER, Caller.SUPERVISOR, Caller.AUDITOR, Caller.LIAISON_OWN_AGENCY, Caller.LIAISON_OTHER_AGENCY);
    private static final Set<Caller> WITH_LIAISONS =
            EnumSet.of(Caller.OFFICER, Caller.SUPERVISOR, Caller.LIAISON_OWN_AGENCY, Caller.LIAISON_OTHER_AGENCY);

    private static final Set<Caller> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));
    private static final Set<Caller> LIST_KEEPERS = EnumSet.of(Caller.OFFICER, Caller.SUPERVISOR, Caller.ADMIN);
    private static final Set<Caller> SCREENING_READERS =
            EnumSet.of(Caller.OFFICER, Caller.SUPERVISOR, Caller.AUDITOR, Caller.ADMIN);

    /** "METHOD pattern" → rule. The rule of docs/DESIGN.md's "Who may do what", written out once more on purpose. */
    private static final Map<String, Rule> TABLE = new LinkedHashMap<>();

    static {
        // the flag is made on the FBI's request: the HSI's liaison may not make it
        TABLE.put(
                "POST /api/cases",
                new Rule(EnumSet.of(Caller.OFFICER, Caller.SUPERVISOR, Caller.LIAISON_OWN_AGENCY), false));
        TABLE.put("POST /api/cases/{caseId}/warrants", new Rule(WITH_LIAISONS, true));
        TABLE.put("POST /api/cases/{caseId}/warrants/{warrantId}/extension", new Rule(WITH_LIAISONS, true));
        TABLE.put("POST /api/cases/{caseId}/obligations/{obligationId}/report", new Rule(CASE_WORKERS, true));
        TABLE.put("POST /api/cases/{caseId}/freeze-requests", new Rule(CASE_WORKERS, true));
        TABLE.put(
                "POST /api/cases/{caseId}/freeze-requests/{requestId}/approval",
                new Rule(EnumSet.of(Caller.SUPERVISOR), true));
        TABLE.put(
                "POST /api/cases/{caseId}/freeze-requests/{requestId}/rejection",
                new Rule(EnumSet.of(Caller.SUPERVISOR), true));
        TABLE.put("POST /api/cases/{caseId}/releases", new Rule(EnumSet.of(Caller.SUPERVISOR), true));
        TABLE.put("POST /api/cases/{caseId}/turnovers", new Rule(EnumSet.of(Caller.SUPERVISOR), true));
        TABLE.put("POST /api/cases/{caseId}/dismissal", new Rule(CASE_WORKERS, true));
        TABLE.put("POST /api/cases/{caseId}/notes", new Rule(CASE_WORKERS, true));
        TABLE.put("GET /api/cases/{caseId}", new Rule(READERS, true));
        TABLE.put("GET /api/cases/{caseId}/updates", new Rule(READERS, true));
        TABLE.put("GET /api/cases/{caseId}/history", new Rule(READERS, true));
        TABLE.put("GET /api/cases/{caseId}/history/verification", new Rule(READERS, true));
        TABLE.put("GET /api/cases", new Rule(READERS, false));
        TABLE.put("GET /api/accounts/{accountId}/holdings", new Rule(READERS, false));
        TABLE.put("GET /api/warrants", new Rule(READERS, false));
        TABLE.put("GET /api/obligations", new Rule(READERS, false));
        TABLE.put(
                "GET /api/audit/events",
                new Rule(EnumSet.of(Caller.OFFICER, Caller.SUPERVISOR, Caller.AUDITOR), false));
        // sanctions lists and screening are the exchange's own work: no liaison
        TABLE.put("POST /api/sanctions/lists", new Rule(LIST_KEEPERS, false));
        TABLE.put("PUT /api/accounts/{accountId}/addresses", new Rule(LIST_KEEPERS, false));
        TABLE.put("POST /api/accounts/addresses", new Rule(LIST_KEEPERS, false));
        TABLE.put("POST /api/screening/runs", new Rule(LIST_KEEPERS, false));
        TABLE.put("GET /api/accounts/{accountId}/addresses", new Rule(SCREENING_READERS, false));
        TABLE.put("GET /api/sanctions/lists", new Rule(SCREENING_READERS, false));
        TABLE.put("GET /api/sanctions/lists/{list}/versions/{version}", new Rule(SCREENING_READERS, false));
        TABLE.put("GET /api/sanctions/lists/{list}/held", new Rule(SCREENING_READERS, false));
        // a held list file is decided by a second person, never an officer
        TABLE.put(
                "POST /api/sanctions/lists/{list}/held/confirmation",
                new Rule(EnumSet.of(Caller.SUPERVISOR, Caller.ADMIN), false));
        TABLE.put(
                "POST /api/sanctions/lists/{list}/held/withdrawal",
                new Rule(EnumSet.of(Caller.SUPERVISOR, Caller.ADMIN), false));
        TABLE.put("GET /api/sanctions/entries", new Rule(SCREENING_READERS, false));
        TABLE.put("GET /api/screening/runs/{runId}", new Rule(SCREENING_READERS, false));
        TABLE.put("GET /api/screening/name-matches", new Rule(SCREENING_READERS, false));
        TABLE.put("POST /api/admin/replays/{processor}", new Rule(EnumSet.of(Caller.ADMIN), false));
        TABLE.put("GET /api/admin/replays/{processor}", new Rule(EnumSet.of(Caller.ADMIN), false));
        TABLE.put("GET /api/admin/dead-letters", new Rule(EnumSet.of(Caller.ADMIN), false));
        TABLE.put("POST /api/admin/dead-letters/{processor}/retry", new Rule(EnumSet.of(Caller.ADMIN), false));
        TABLE.put("POST /api/admin/backups", new Rule(EnumSet.of(Caller.ADMIN), false));
        // the ledger: key, checkpoints and proofs carry hashes only; signing and verifying are the auditors'
        TABLE.put("GET /api/cases/{caseId}/evidence-bundle", new Rule(READERS, true));
        for (String hashesOnly : List.of(
                "GET /api/audit/ledger/public-key",
                "GET /api/audit/ledger/checkpoints",
                "GET /api/audit/ledger/checkpoints/latest",
                "GET /api/audit/ledger/proofs/inclusion",
                "GET /api/audit/ledger/proofs/consistency")) {
            TABLE.put(hashesOnly, new Rule(SIGNED_IN, false));
        }
        TABLE.put("POST /api/audit/ledger/checkpoints", new Rule(EnumSet.of(Caller.AUDITOR, Caller.ADMIN), false));
        TABLE.put("GET /api/audit/ledger/verification", new Rule(EnumSet.of(Caller.AUDITOR, Caller.ADMIN), false));
        TABLE.put("GET /api/admin/backups", new Rule(EnumSet.of(Caller.ADMIN), false));
        TABLE.put("GET /api/admin/backups/{name}", new Rule(EnumSet.of(Caller.ADMIN), false));
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /** One case for the whole table: only permitted callers change it, and their answers need only be no refusal. */
    /** Made once per Holdfast this suite runs against (a subclass may run it in another mode). */
    private static String caseId;

    private static int caseOnPort;

    @BeforeEach
    void anFbiCaseWithAFrozenWarrantAndAPendingRequest() {
        if (caseId != null && caseOnPort == port) {
            return;
        }
        caseId = newCaseId();
        caseOnPort = port;
        api.fbiCaseFrozenWithAPendingRequest(caseId);
        Api.expect(api.as("officer").get("/api/cases/" + caseId + "?minVersion=4"), 200);
    }

    @Test
    void everyEndpointHasARow() {
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo mapping : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
            for (String pattern : mapping.getPatternValues()) {
                if (!pattern.startsWith("/api")) {
                    continue;
                }
                assertThat(methods)
                        .as("%s answers every HTTP method; give it one", pattern)
                        .isNotEmpty();
                methods.forEach(method -> served.add(method + " " + pattern));
            }
        }
        assertThat(served).as("endpoints Holdfast serves").containsExactlyInAnyOrderElementsOf(TABLE.keySet());
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        TABLE.keySet().forEach(endpoint -> {
            for (Caller caller : Caller.values()) {
                cells.add(Arguments.of(endpoint, caller));
            }
        });
        return cells.stream();
    }

    @ParameterizedTest(name = "{1} → {0}")
    @MethodSource("cells")
    void eachCallerGetsWhatTheTableSays(String endpoint, Caller caller) {
        Rule rule = TABLE.get(endpoint);
        int status = call(endpoint, caller);

        if (caller == Caller.ANONYMOUS) {
            assertThat(status).as("nobody signed in").isEqualTo(401);
        } else if (!rule.permitted().contains(caller)) {
            assertThat(status).as("%s may not", caller).isEqualTo(403);
        } else if (caller == Caller.LIAISON_OTHER_AGENCY && rule.oneCase()) {
            assertThat(status).as("another agency's case reads as missing").isEqualTo(404);
        } else {
            assertThat(status).as("%s may", caller).isNotIn(401, 403).isLessThan(500);
            if (caller == Caller.LIAISON_OWN_AGENCY && rule.oneCase()) {
                assertThat(status)
                        .as("its own agency's case is visible to the liaison")
                        .isNotEqualTo(404);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listEndpoints")
    void listsShowAnotherAgencysCaseToNoLiaison(String path) {
        Response own = api.as("liaison-fbi").get(path);
        Response other = api.as("liaison-hsi").get(path);

        assertThat(own.status()).isEqualTo(200);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body()).doesNotContain(caseId);
    }

    static Stream<String> listEndpoints() {
        return Stream.of(
                "/api/cases?accountId=ACC-1&size=200",
                "/api/accounts/ACC-1/holdings",
                "/api/warrants?agency=FBI&size=200",
                "/api/obligations?size=200");
    }

    private int call(String endpoint, Caller caller) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1)
                .replace("{caseId}", caseId)
                .replace("{warrantId}", "W-1")
                .replace("{requestId}", "R-2")
                .replace("{obligationId}", "OBL-1")
                .replace("{accountId}", "ACC-1")
                .replace("{processor}", "no-such-projection")
                .replace("{list}", "OFAC-SDN")
                .replace("{version}", "1")
                .replace("{runId}", "no-such-run")
                .replace("{name}", "holdfast-20200101T000000000Z.zip");
        if (path.endsWith("/updates")) {
            return streamStatus(path, caller);
        }
        Api.Call call = caller.user == null ? api.call() : api.as(caller.user);
        if (method.equals("GET")) {
            int json = call.get(path).status();
            if (path.equals("/api/audit/events")) {
                int csv = call.header("Accept", "text/csv").get(path).status();
                assertThat(csv)
                        .as("the CSV export follows the same rule as the JSON")
                        .isEqualTo(json);
            }
            return json;
        }
        if (method.equals("PUT")) {
            return call.put(path, body(path)).status();
        }
        return call.post(path, body(path)).status();
    }

    private String body(String path) {
        if (path.equals("/api/cases")) {
            return Api.lawEnforcementFlagBody(newCaseId(), "FBI");
        }
        if (path.endsWith("/warrants")) {
            return warrantBody("W-" + System.nanoTime(), "FBI");
        }
        if (path.endsWith("/extension")) {
            return "{\"newExpiresAt\": \"" + Instant.now().plus(Duration.ofDays(200))
                    + "\", \"authorityReference\": \"EXT\", \"documentSha256\": \"" + "e".repeat(64) + "\"}";
        }
        if (path.endsWith("/freeze-requests")) {
            return "{\"warrantId\": \"W-1\", \"holdings\": [{\"asset\": \"BTC\", \"amount\": \"1\"}]}";
        }
        if (path.endsWith("/releases")) {
            return "{\"holdings\": [{\"asset\": \"BTC\", \"amount\": \"1\"}], \"reason\": \"ORDER_LIFTED\", \"authorityReference\": \"A\"}";
        }
        if (path.endsWith("/turnovers")) {
            return "{\"holdings\": [{\"asset\": \"BTC\", \"amount\": \"1\"}], \"destination\": \"USMS\", \"authorityReference\": \"A\"}";
        }
        if (path.endsWith("/report")) {
            return "{\"reportReference\": \"OFAC-R-1\", \"filedAt\": \"" + Instant.now() + "\"}";
        }
        if (path.endsWith("/approval")) {
            return "{}";
        }
        if (path.endsWith("/notes")) {
            return "{\"text\": \"checked\"}";
        }
        if (path.endsWith("/held/confirmation") || path.endsWith("/held/withdrawal")) {
            return "{\"sha256\": \"" + "0".repeat(64) + "\"}";
        }
        return "{\"reason\": \"checked\"}";
    }

    /** The status of a live-updates stream, read from its headers without waiting for the stream to end. */
    private int streamStatus(String path, Caller caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10))
                .GET();
        if (caller.user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((caller.user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<InputStream> response =
                    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

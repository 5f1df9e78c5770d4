package io.holdfast.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small HTTP client for Holdfast's REST API, speaking as one of the demo users or with a bearer token. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public Api(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public record Response(int status, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw.body(), e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String body() {
            return raw.body();
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    /** A request being built: who sends it, which headers. */
    public final class Call {
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Call() {
            headers.put("Content-Type", "application/json");
        }

        public Call as(String user) {
            return as(user, "demo");
        }

        public Call as(String user, String password) {
            headers.put(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            return this;
        }

        public Call bearer(String token) {
            headers.put("Authorization", "Bearer " + token);
            return this;
        }

        public Call header(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
            return this;
        }

        public Response post(String path, String body) {
            return send(
                    HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)),
                    body);
        }

        public Response post(String path, byte[] body) {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        public Response put(String path, String body) {
            return send(
                    HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)),
                    body);
        }

        public Response get(String path) {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
        }

        /** Any method, without a body. */
        public Response call(String method, String path) {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()));
        }

        private Response send(HttpRequest.Builder builder) {
            return send(builder, null);
        }

        /** {@code sentBody}: the text body sent, checked against the contract when Holdfast accepts it. */
        private Response send(HttpRequest.Builder builder, String sentBody) {
            headers.forEach((name, value) -> {
                if (!(name.equals("Content-Type") && value == null)) {
                    builder.header(name, value);
                }
            });
            builder.timeout(Duration.ofSeconds(30));
            try {
                HttpRequest request = builder.build();
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                List<String> breaches = Contract.breaches(
                        request.method(),
                        request.uri().getRawPath(),
                        response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(null),
                        response.body());
                if (!breaches.isEmpty()) {
                    throw new AssertionError(
                            "the answer breaks docs/openapi.json: " + breaches + "\n" + response.body());
                }
                if (response.statusCode() / 100 == 2 && sentBody != null) {
                    List<String> accepted = Contract.requestBreaches(
                            request.method(), request.uri().getRawPath(), headers.get("Content-Type"), sentBody);
                    if (!accepted.isEmpty()) {
                        throw new AssertionError("an accepted request breaks docs/openapi.json: " + accepted);
                    }
                }
                return new Response(response.statusCode(), response);
            } catch (IOException e) {
                throw new AssertionError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public Call call() {
        return new Call();
    }

    public Call as(String user) {
        return call().as(user);
    }

    // ------------------------------------------------------------------ bodies of docs/API.md

    public static final String HASH_A = "a".repeat(64);
    public static final String HASH_B = "b".repeat(64);

    public static String flagBody(String caseId) {
        return """
                {"caseId": "%s", "accountId": "ACC-88123",
                 "subject": {"holderName": "Kim Sang Man", "walletAddresses": ["bc1qexample"]},
                 "reason": {"type": "SANCTIONS_MATCH", "list": "OFAC-SDN", "listEntryId": "SDN-12345",
                            "agency": null, "details": "name and wallet match on 2023-05-23 designation"},
                 "evidence": [{"description": "screening hit report", "sha256": "%s"}]}
                """.formatted(caseId, HASH_A);
    }

    public static String lawEnforcementFlagBody(String caseId, String agency) {
        return """
                {"caseId": "%s", "accountId": "ACC-1", "subject": {"holderName": "J. Doe", "walletAddresses": []},
                 "reason": {"type": "LAW_ENFORCEMENT_REQUEST", "agency": "%s", "details": "subpoena"}, "evidence": []}
                """.formatted(caseId, agency);
    }

    /** A warrant in force now: issued yesterday, expiring in 90 days; USDT up to 3,100,000, BTC unlimited. */
    public static String warrantBody(String warrantId, String agency) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return """
                {"warrantId": "%s", "orderType": "SEIZURE_WARRANT",
                 "issuingAuthority": "U.S. District Court for the District of Columbia",
                 "requestingAgency": "%s", "jurisdiction": "US-DC", "referenceNumber": "23-SW-0412",
                 "issuedAt": "%s", "expiresAt": "%s",
                 "scope": [{"asset": "USDT", "maxAmount": "3100000"}, {"asset": "BTC", "maxAmount": null}],
                 "documentSha256": "%s"}
                """.formatted(warrantId, agency, now.minus(1, ChronoUnit.DAYS), now.plus(90, ChronoUnit.DAYS), HASH_B);
    }

    public static String freezeRequestBody(String requestId, String warrantId) {
        return """
                {"requestId": "%s", "warrantId": "%s",
                 "holdings": [{"asset": "USDT", "amount": "3050000.00"}, {"asset": "BTC", "amount": "49.5"}]}
                """.formatted(requestId, warrantId);
    }

    public static String noteBody(String text) {
        return "{\"text\": \"" + text + "\"}";
    }

    /** Flags a case, records warrant W-1 (FBI) and has R-1 approved: the case is FROZEN at version 3. */
    public void frozenCase(String caseId) {
        expect(as("officer").post("/api/cases", flagBody(caseId)), 201);
        expect(as("officer").post("/api/cases/" + caseId + "/warrants", warrantBody("W-1", "FBI")), 201);
        expect(as("officer").post("/api/cases/" + caseId + "/freeze-requests", freezeRequestBody("R-1", "W-1")), 201);
        expect(as("supervisor").post("/api/cases/" + caseId + "/freeze-requests/R-1/approval", "{}"), 200);
    }

    /** An FBI law-enforcement case, FBI warrant W-1, R-1 approved by a second person, R-2 pending: version 4. */
    public void fbiCaseFrozenWithAPendingRequest(String caseId) {
        expect(as("officer").post("/api/cases", lawEnforcementFlagBody(caseId, "FBI")), 201);
        expect(as("officer").post("/api/cases/" + caseId + "/warrants", warrantBody("W-1", "FBI")), 201);
        expect(as("officer2").post("/api/cases/" + caseId + "/freeze-requests", freezeRequestBody("R-1", "W-1")), 201);
        expect(as("supervisor2").post("/api/cases/" + caseId + "/freeze-requests/R-1/approval", "{}"), 200);
        expect(
                as("officer2")
                        .post(
                                "/api/cases/" + caseId + "/freeze-requests",
                                "{\"requestId\": \"R-2\", \"warrantId\": \"W-1\", \"holdings\": [{\"asset\": \"BTC\", \"amount\": \"1\"}]}"),
                201);
    }

    public static Response expect(Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + " but got " + response);
        }
        return response;
    }

    /** Signs checkpoints as the auditor until one covers {@code leaves} leaves (entries become leaves once settled). */
    public void signCheckpointCovering(long leaves) throws InterruptedException {
        Response signed = null;
        for (int i = 0; i < 300; i++) {
            signed = as("auditor").post("/api/audit/ledger/checkpoints", "");
            if (signed.status() / 100 == 2 && signed.json().path("treeSize").asLong() >= leaves) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "the ledger did not reach " + leaves + " leaves within 30 s; the last answer: " + signed);
    }
}

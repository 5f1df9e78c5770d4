package io.holdfast.app.http;

import static io.holdfast.app.http.Api.expect;
import static io.holdfast.app.http.Api.flagBody;
import static io.holdfast.app.http.Api.freezeRequestBody;
import static io.holdfast.app.http.Api.noteBody;
import static io.holdfast.app.http.Api.warrantBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.app.http.Api.Response;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every refusal is an RFC 9457 problem that names what was wrong, never a stack trace, class name
 * or SQL, and a refused request changes nothing that is stored.
 */
class ErrorResponsesHttpTest extends HttpApiSupport {

    @Autowired
    EventStore eventStore;

    private String caseId;

    @BeforeEach
    void aFrozenCase() {
        caseId = newCaseId();
        api.frozenCase(caseId);
    }

    private long storedEvents() {
        return eventStore.readEvents(caseId, 0).asStream().count();
    }

    private static JsonNode problem(Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo("/problems/" + type);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "io.holdfast", "java.", "org.", "SQL", "\tat ");
        return problem;
    }

    private static List<String> fieldsOf(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> {
            assertThat(error.get("message").asText()).isNotBlank();
            fields.add(error.get("field").asText());
        });
        return fields;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "negative amount | {\"warrantId\": \"W-1\", \"holdings\": [{\"asset\": \"BTC\", \"amount\": \"-1\"}]} | holdings[0].amount",
                "zero amount | {\"warrantId\": \"W-1\", \"holdings\": [{\"asset\": \"BTC\", \"amount\": \"0\"}]} | holdings[0].amount",
                "exponent amount | {\"warrantId\": \"W-1\", \"holdings\": [{\"asset\": \"BTC\", \"amount\": \"1e999999\"}]} | holdings[0].amount",
                "twenty decimals | {\"warrantId\": \"W-1\", \"holdings\": [{\"asset\": \"BTC\", \"amount\": \"0.00000000000000000001\"}]} | holdings[0].amount",
                "lower-case asset | {\"warrantId\": \"W-1\", \"holdings\": [{\"asset\": \"btc\", \"amount\": \"1\"}]} | holdings[0].asset",
                "empty asset | {\"warrantId\": \"W-1\", \"holdings\": [{\"asset\": \"\", \"amount\": \"1\"}]} | holdings[0].asset",
                "asset twice | {\"warrantId\": \"W-1\", \"holdings\": [{\"asset\": \"BTC\", \"amount\": \"1\"}, {\"asset\": \"BTC\", \"amount\": \"2\"}]} | holdings",
                "no holdings | {\"warrantId\": \"W-1\", \"holdings\": []} | holdings",
                "no warrant | {\"holdings\": [{\"asset\": \"BTC\", \"amount\": \"1\"}]} | warrantId",
                "amount as object | {\"warrantId\": \"W-1\", \"holdings\": [{\"asset\": \"BTC\", \"amount\": {\"x\": 1}}]} | holdings[0].amount",
                "unknown field | {\"warrantId\": \"W-1\", \"holdings\": [{\"asset\": \"BTC\", \"amount\": \"1\"}], \"approveNow\": true} | approveNow",
                "duplicate key | {\"warrantId\": \"W-1\", \"warrantId\": \"W-2\", \"holdings\": [{\"asset\": \"BTC\", \"amount\": \"1\"}]} | body",
                "malformed JSON | {\"warrantId\": \"W-1\", | body",
                "bad request id | {\"requestId\": \"../../etc\", \"warrantId\": \"W-1\", \"holdings\": [{\"asset\": \"BTC\", \"amount\": \"1\"}]} | requestId",
            })
    void anInvalidFreezeRequestIsA400NamingTheField(String rule, String body, String field) {
        long before = storedEvents();
        JsonNode problem = problem(
                api.as("officer").post("/api/cases/" + caseId + "/freeze-requests", body), 400, "invalid-request");
        assertThat(fieldsOf(problem)).as(rule).contains(field);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "expiry before issue | \"expiresAt\": \"2030-01-01T00:00:00Z\" | \"expiresAt\": \"2020-01-01T00:00:00Z\" | expiresAt",
                "bad document hash | \"documentSha256\": \"bbbb | \"documentSha256\": \"xyz | documentSha256",
                "malformed instant | \"issuedAt\": \" | \"issuedAt\": \"yesterday\", \"ignored\": \" | issuedAt",
                "unknown order type | \"SEIZURE_WARRANT\" | \"ARREST_WARRANT\" | orderType",
                "bad jurisdiction | \"US-DC\" | \"District of Columbia\" | jurisdiction",
                "lower-case agency | \"requestingAgency\": \"FBI\" | \"requestingAgency\": \"fbi\" | requestingAgency",
                "negative maximum | \"maxAmount\": \"3100000\" | \"maxAmount\": \"-5\" | scope[0].maxAmount",
            })
    void anInvalidWarrantIsA400NamingTheField(String rule, String replace, String with, String field) {
        String body = warrantBody("W-9", "FBI");
        if (rule.equals("expiry before issue")) {
            body = body.replaceAll("\"expiresAt\": \"[^\"]+\"", "\"expiresAt\": \"2020-01-01T00:00:00Z\"");
        } else {
            body = body.replaceFirst(
                    java.util.regex.Pattern.quote(replace), java.util.regex.Matcher.quoteReplacement(with));
        }
        long before = storedEvents();
        JsonNode problem =
                problem(api.as("officer").post("/api/cases/" + caseId + "/warrants", body), 400, "invalid-request");
        assertThat(fieldsOf(problem)).as(rule).contains(field);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aMissingBodyIsA400() {
        JsonNode problem =
                problem(api.as("officer").post("/api/cases/" + caseId + "/notes", ""), 400, "invalid-request");
        assertThat(fieldsOf(problem)).containsExactly("body");
    }

    @Test
    void aMalformedIfMatchIsA400() {
        JsonNode problem = problem(
                api.as("officer").header("If-Match", "three").post("/api/cases/" + caseId + "/notes", noteBody("x")),
                400,
                "invalid-request");
        assertThat(fieldsOf(problem)).containsExactly("If-Match");
    }

    @Test
    void noCredentialsIsA401WithChallenges() {
        Response response = api.call().post("/api/cases", flagBody(newCaseId()));
        problem(response, 401, "unauthenticated");
        assertThat(response.raw().headers().allValues("WWW-Authenticate"))
                .contains("Basic realm=\"Holdfast\"", "Bearer");
    }

    @Test
    void aWrongPasswordIsA401() {
        problem(api.call().as("officer", "not-demo").post("/api/cases", flagBody(newCaseId())), 401, "unauthenticated");
    }

    @Test
    void aRoleThatMayNotIssueTheCommandIsA403() {
        problem(api.as("auditor").post("/api/cases/" + caseId + "/notes", noteBody("x")), 403, "forbidden");
    }

    @Test
    void anUnknownCaseIsA404() {
        JsonNode problem =
                problem(api.as("officer").post("/api/cases/NO-SUCH-CASE/notes", noteBody("x")), 404, "not-found");
        assertThat(problem.get("detail").asText()).isEqualTo("case NO-SUCH-CASE was not found");
    }

    @Test
    void anUnknownFreezeRequestOfACaseTheCallerSeesIsA404NamingItsPolicy() {
        JsonNode problem = problem(
                api.as("supervisor").post("/api/cases/" + caseId + "/freeze-requests/R-404/approval", "{}"),
                404,
                "not-found");
        assertThat(problem.get("policy").asText()).isEqualTo("freezeRequestMustExist");
        assertThat(problem.get("detail").asText()).isEqualTo("case " + caseId + " has no freeze request R-404");
    }

    @Test
    void aMethodAKnownPathDoesNotAnswerIsA405WithAllowNotA403() {
        Response delete = api.as("officer").call("DELETE", "/api/cases/" + caseId);
        problem(delete, 405, "method-not-allowed");
        assertThat(delete.header("Allow")).isEqualTo("GET");
        Response put = api.as("supervisor").call("PUT", "/api/cases");
        problem(put, 405, "method-not-allowed");
        assertThat(put.header("Allow")).isEqualTo("GET, POST");
        problem(api.as("auditor").post("/api/cases", flagBody(newCaseId())), 403, "forbidden");
    }

    @Test
    void aDomainRejectionIsA409WithTheCasesOwnSentence() {
        long before = storedEvents();
        JsonNode problem = problem(
                api.as("supervisor")
                        .post(
                                "/api/cases/" + caseId + "/releases",
                                "{\"holdings\": [{\"asset\": \"BTC\", \"amount\": \"50\"}], \"reason\": \"ORDER_LIFTED\", \"authorityReference\": \"A\"}"),
                409,
                "rule-violated");
        assertThat(problem.get("detail").asText())
                .isEqualTo(
                        "cannot release frozen assets: 50 BTC requested but only 49.5 BTC is frozen on case " + caseId);
        assertThat(problem.get("policy").asText()).isEqualTo("cannotTakeMoreThanIsFrozen");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void selfApprovalIsA409() {
        expect(api.as("supervisor").post("/api/cases/" + caseId + "/freeze-requests", """
                {"requestId": "R-2", "warrantId": "W-1", "holdings": [{"asset": "BTC", "amount": "1"}]}"""), 201);
        JsonNode problem = problem(
                api.as("supervisor").post("/api/cases/" + caseId + "/freeze-requests/R-2/approval", "{}"),
                409,
                "rule-violated");
        assertThat(problem.get("policy").asText()).isEqualTo("approverMustNotBeRequester");
    }

    @Test
    void aStaleIfMatchIsA412AndAppendsNothing() {
        long before = storedEvents();
        JsonNode problem = problem(
                api.as("officer")
                        .header("If-Match", "\"1\"")
                        .post("/api/cases/" + caseId + "/notes", noteBody("stale")),
                412,
                "version-mismatch");
        assertThat(problem.get("detail").asText()).contains("is at version 3, not 1");
        assertThat(storedEvents()).isEqualTo(before);
        Response current = api.as("officer")
                .header("If-Match", "\"3\"")
                .post("/api/cases/" + caseId + "/notes", noteBody("fresh"));
        assertThat(current.status()).isEqualTo(201);
        assertThat(current.header("ETag")).isEqualTo("\"4\"");
    }

    @Test
    void aBodyOverTheLimitIsA413() {
        String huge = noteBody("x".repeat(300 * 1024));
        problem(api.as("officer").post("/api/cases/" + caseId + "/notes", huge), 413, "payload-too-large");
    }

    @Test
    void aBodyThatIsNotJsonIsA415() {
        problem(
                api.as("officer").header("Content-Type", "text/plain").post("/api/cases/" + caseId + "/notes", "hello"),
                415,
                "unsupported-media-type");
    }

    @Test
    void reusingAnIdempotencyKeyForAnotherBodyIsA422() {
        expect(
                api.as("officer")
                        .header("Idempotency-Key", "k-" + caseId)
                        .post("/api/cases/" + caseId + "/notes", noteBody("one")),
                201);
        long before = storedEvents();
        problem(
                api.as("officer")
                        .header("Idempotency-Key", "k-" + caseId)
                        .post("/api/cases/" + caseId + "/notes", noteBody("two")),
                422,
                "idempotency-key-reused");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswer() {
        Response first = api.as("officer")
                .header("Idempotency-Key", "r-" + caseId)
                .post(
                        "/api/cases/" + caseId + "/freeze-requests",
                        freezeRequestBody("R-3", "W-1").replace("3050000.00", "1"));
        assertThat(first.status()).isEqualTo(201);
        long after = storedEvents();
        Response retry = api.as("officer")
                .header("Idempotency-Key", "r-" + caseId)
                .post(
                        "/api/cases/" + caseId + "/freeze-requests",
                        freezeRequestBody("R-3", "W-1").replace("3050000.00", "1"));
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(storedEvents()).isEqualTo(after);
    }

    @Test
    void aRefusedRequestKeepsNoAnswerForItsKey() {
        String key = "refused-" + caseId;
        expect(
                api.as("officer")
                        .header("Idempotency-Key", key)
                        .header("If-Match", "\"0\"")
                        .post("/api/cases/" + caseId + "/notes", noteBody("n")),
                412);
        expect(
                api.as("officer").header("Idempotency-Key", key).post("/api/cases/" + caseId + "/notes", noteBody("n")),
                201);
    }

    @Test
    void anUnknownAddressIsAProblemToo() {
        problem(api.as("officer").get("/no/such/page"), 404, "not-found");
    }

    /** A legal record takes what was meant: a value of another JSON type is refused, never coerced. */
    @Test
    void aValueOfAnotherJsonTypeIsRefusedNamingTheField() {
        long before = storedEvents();
        assertThat(fieldsOf(problem(
                        api.as("officer").post("/api/cases/" + caseId + "/notes", "{\"text\": 42}"),
                        400,
                        "invalid-request")))
                .containsExactly("text");
        assertThat(fieldsOf(problem(
                        api.as("officer").post("/api/cases/" + caseId + "/notes", "{\"text\": true}"),
                        400,
                        "invalid-request")))
                .containsExactly("text");
        assertThat(fieldsOf(problem(
                        api.as("officer").post("/api/cases/" + caseId + "/dismissal", "{\"reason\": 1.5}"),
                        400,
                        "invalid-request")))
                .containsExactly("reason");

        String numberForAccount =
                Api.flagBody(newCaseId()).replace("\"accountId\": \"ACC-88123\"", "\"accountId\": 42");
        assertThat(fieldsOf(problem(api.as("officer").post("/api/cases", numberForAccount), 400, "invalid-request")))
                .containsExactly("accountId");
        String paddedReason = Api.flagBody(newCaseId()).replace("\"SANCTIONS_MATCH\"", "\"SANCTIONS_MATCH\\u0000\"");
        JsonNode padded = problem(api.as("officer").post("/api/cases", paddedReason), 400, "invalid-request");
        assertThat(fieldsOf(padded)).containsExactly("reason.type");
        assertThat(padded.get("errors").get(0).get("message").asText()).startsWith("must be one of");

        String numberForInstant =
                Api.warrantBody("W-TYPED", "FBI").replaceFirst("\"issuedAt\": \"[^\"]+\"", "\"issuedAt\": 42");
        assertThat(fieldsOf(problem(
                        api.as("officer").post("/api/cases/" + caseId + "/warrants", numberForInstant),
                        400,
                        "invalid-request")))
                .containsExactly("issuedAt");

        String endOfTime = Api.warrantBody("W-TYPED", "FBI")
                .replaceFirst("\"expiresAt\": \"[^\"]+\"", "\"expiresAt\": \"+999999999-12-31T23:59:59Z\"");
        assertThat(fieldsOf(problem(
                        api.as("officer").post("/api/cases/" + caseId + "/warrants", endOfTime),
                        400,
                        "invalid-request")))
                .containsExactly("expiresAt");

        assertThat(fieldsOf(problem(
                        api.as("officer")
                                .put(
                                        "/api/accounts/ACC-TYPED/addresses",
                                        "{\"holderName\": \"K\", \"addresses\": null}"),
                        400,
                        "invalid-request")))
                .containsExactly("addresses");
        assertThat(api.as("officer").get("/api/accounts/ACC-TYPED/addresses").status())
                .as("nothing registered")
                .isEqualTo(404);
        assertThat(storedEvents()).as("nothing stored").isEqualTo(before);
    }
}

package io.holdfast.app.http;

import static io.holdfast.app.http.Api.expect;
import static io.holdfast.app.http.Api.flagBody;
import static io.holdfast.app.http.Api.freezeRequestBody;
import static io.holdfast.app.http.Api.lawEnforcementFlagBody;
import static io.holdfast.app.http.Api.noteBody;
import static io.holdfast.app.http.Api.warrantBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.app.http.Api.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reads of docs/API.md over real HTTP: views, lists, holdings, warrants, point in time. */
class CaseReadsHttpTest extends HttpApiSupport {

    /** Reads the view once it shows at least {@code version}, as a client following its own write does. */
    private JsonNode viewAt(String user, String caseId, long version) {
        Response response = api.as(user).get("/api/cases/" + caseId + "?minVersion=" + version);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Warning")).isNull();
        return response.json();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node ->
                values.add(field == null ? node.asText() : node.get(field).asText()));
        return values;
    }

    private static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> done)
            throws InterruptedException {
        T value = read.get();
        for (int i = 0; i < 100 && !done.test(value); i++) {
            Thread.sleep(50);
            value = read.get();
        }
        return value;
    }

    @Test
    void theViewShowsTheCaseRightAfterAWrite() {
        String caseId = newCaseId();
        api.frozenCase(caseId);

        JsonNode view = viewAt("auditor", caseId, 3);
        assertThat(view.get("caseId").asText()).isEqualTo(caseId);
        assertThat(view.get("accountId").asText()).isEqualTo("ACC-88123");
        assertThat(view.get("status").asText()).isEqualTo("FROZEN");
        assertThat(view.get("version").asLong()).isEqualTo(3);
        assertThat(view.get("reason").get("listEntryId").asText()).isEqualTo("SDN-12345");
        assertThat(texts(view.get("agencies"), null)).containsExactly("FBI");
        assertThat(view.get("warrants").get(0).get("referenceNumber").asText()).isEqualTo("23-SW-0412");
        assertThat(view.get("warrants").get(0).get("expired").asBoolean()).isFalse();
        assertThat(view.get("pendingFreezeRequests")).isEmpty();
        assertThat(view.get("frozen").toString())
                .isEqualTo("[{\"asset\":\"BTC\",\"amount\":\"49.5\"},{\"asset\":\"USDT\",\"amount\":\"3050000.00\"}]");
        assertThat(view.get("released")).isEmpty();
        assertThat(view.get("flaggedAt").asText()).isNotBlank();

        Response plain = api.as("officer").get("/api/cases/" + caseId);
        assertThat(plain.header("ETag")).isEqualTo("\"3\"");
    }

    @Test
    void aViewThatHasNotCaughtUpIsAnsweredWithAWarning() {
        String caseId = newCaseId();
        expect(api.as("officer").post("/api/cases", flagBody(caseId)), 201);
        viewAt("officer", caseId, 0);
        Response behind = api.as("officer").get("/api/cases/" + caseId + "?minVersion=7");
        assertThat(behind.status()).isEqualTo(200);
        assertThat(behind.header("Warning"))
                .startsWith("110 holdfast")
                .contains("version 0")
                .contains("version 7");
        assertThat(behind.json().get("version").asLong()).isZero();
    }

    @Test
    void aCaseIsRebuiltAsItStoodAtAnInstant() throws Exception {
        String caseId = newCaseId();
        Instant beforeFlag = Instant.now();
        Thread.sleep(20);
        expect(api.as("officer").post("/api/cases", flagBody(caseId)), 201);
        expect(api.as("officer").post("/api/cases/" + caseId + "/warrants", warrantBody("W-1", "FBI")), 201);
        Thread.sleep(20);
        Instant afterWarrant = Instant.now();
        Thread.sleep(20);
        expect(
                api.as("officer").post("/api/cases/" + caseId + "/freeze-requests", freezeRequestBody("R-1", "W-1")),
                201);
        expect(api.as("supervisor").post("/api/cases/" + caseId + "/freeze-requests/R-1/approval", "{}"), 200);
        Thread.sleep(20);
        Instant afterFreeze = Instant.now();

        Response before = api.as("auditor").get("/api/cases/" + caseId + "?asOf=" + beforeFlag);
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.json().get("detail").asText())
                .isEqualTo("case " + caseId + " did not exist at " + beforeFlag);

        JsonNode warranted = api.as("auditor")
                .get("/api/cases/" + caseId + "?asOf=" + afterWarrant)
                .json();
        assertThat(warranted.get("status").asText()).isEqualTo("WARRANT_RECEIVED");
        assertThat(warranted.get("version").asLong()).isEqualTo(1);
        assertThat(warranted.get("frozen")).isEmpty();

        JsonNode frozen = api.as("auditor")
                .get("/api/cases/" + caseId + "?asOf=" + afterFreeze)
                .json();
        assertThat(frozen.get("status").asText()).isEqualTo("FROZEN");
        assertThat(frozen.get("version").asLong()).isEqualTo(3);
        assertThat(texts(frozen.get("frozen"), "asset")).containsExactly("BTC", "USDT");
        assertThat(frozen.toString()).isEqualTo(viewAt("auditor", caseId, 3).toString());
    }

    @Test
    void theListFiltersAndPages() throws Exception {
        String account = "ACC-LIST-" + System.nanoTime();
        Instant start = Instant.now();
        String frozenCase = newCaseId();
        expect(api.as("officer").post("/api/cases", flagBody(frozenCase).replace("ACC-88123", account)), 201);
        expect(api.as("officer").post("/api/cases/" + frozenCase + "/warrants", warrantBody("W-1", "FBI")), 201);
        expect(
                api.as("officer")
                        .post("/api/cases/" + frozenCase + "/freeze-requests", freezeRequestBody("R-1", "W-1")),
                201);
        expect(api.as("supervisor").post("/api/cases/" + frozenCase + "/freeze-requests/R-1/approval", "{}"), 200);
        String hsiCase = newCaseId();
        expect(
                api.as("liaison-hsi")
                        .post(
                                "/api/cases",
                                lawEnforcementFlagBody(hsiCase, "HSI").replace("ACC-1", account)),
                201);
        viewAt("officer", frozenCase, 3);

        JsonNode byAccount = eventually(
                () -> api.as("auditor").get("/api/cases?accountId=" + account).json(),
                page -> page.get("total").asLong() == 2
                        && page.get("items").get(1).get("status").asText().equals("FROZEN"));
        assertThat(texts(byAccount.get("items"), "caseId")).containsExactly(hsiCase, frozenCase);
        assertThat(texts(
                        api.as("auditor")
                                .get("/api/cases?accountId=" + account + "&status=FROZEN")
                                .json()
                                .get("items"),
                        "caseId"))
                .containsExactly(frozenCase);
        assertThat(texts(
                        api.as("auditor")
                                .get("/api/cases?accountId=" + account + "&agency=HSI")
                                .json()
                                .get("items"),
                        "caseId"))
                .containsExactly(hsiCase);
        assertThat(api.as("auditor")
                        .get("/api/cases?accountId=" + account + "&flaggedFrom=" + start + "&flaggedTo="
                                + Instant.now().plusSeconds(60))
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(2);
        assertThat(api.as("auditor")
                        .get("/api/cases?accountId=" + account + "&flaggedTo=" + start)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        JsonNode secondPage = api.as("auditor")
                .get("/api/cases?accountId=" + account + "&page=1&size=1")
                .json();
        assertThat(secondPage.get("page").asInt()).isEqualTo(1);
        assertThat(secondPage.get("size").asInt()).isEqualTo(1);
        assertThat(secondPage.get("total").asLong()).isEqualTo(2);
        assertThat(texts(secondPage.get("items"), "caseId")).containsExactly(frozenCase);
        assertThat(api.as("auditor").get("/api/cases?size=200").status()).isEqualTo(200);

        // liaison isolation in the list
        assertThat(texts(
                        api.as("liaison-hsi")
                                .get("/api/cases?accountId=" + account)
                                .json()
                                .get("items"),
                        "caseId"))
                .containsExactly(hsiCase);
        assertThat(texts(
                        api.as("liaison-fbi")
                                .get("/api/cases?accountId=" + account)
                                .json()
                                .get("items"),
                        "caseId"))
                .containsExactly(frozenCase);
    }

    @Test
    void holdingsAndWarrantsAreReadAcrossCases() throws Exception {
        String account = "ACC-HOLD-" + System.nanoTime();
        String first = newCaseId();
        String second = newCaseId();
        for (String caseId : List.of(first, second)) {
            expect(api.as("officer").post("/api/cases", flagBody(caseId).replace("ACC-88123", account)), 201);
        }
        expect(api.as("officer").post("/api/cases/" + first + "/warrants", warrantBody("W-1", "FBI")), 201);
        expect(api.as("officer").post("/api/cases/" + second + "/warrants", warrantBody("W-1", "HSI")), 201);
        for (String caseId : List.of(first, second)) {
            expect(
                    api.as("officer")
                            .post("/api/cases/" + caseId + "/freeze-requests", freezeRequestBody("R-1", "W-1")),
                    201);
            expect(api.as("supervisor").post("/api/cases/" + caseId + "/freeze-requests/R-1/approval", "{}"), 200);
        }

        JsonNode holdings = eventually(
                () -> api.as("auditor")
                        .get("/api/accounts/" + account + "/holdings")
                        .json(),
                node -> node.get("cases").size() == 2);
        assertThat(holdings.get("accountId").asText()).isEqualTo(account);
        assertThat(holdings.get("frozen").toString())
                .isEqualTo("[{\"asset\":\"BTC\",\"amount\":\"99.0\"},{\"asset\":\"USDT\",\"amount\":\"6100000.00\"}]");
        JsonNode fbiHoldings = api.as("liaison-fbi")
                .get("/api/accounts/" + account + "/holdings")
                .json();
        assertThat(texts(fbiHoldings.get("cases"), null)).containsExactly(first);

        JsonNode warrants = eventually(
                () -> api.as("auditor").get("/api/warrants?agency=HSI&size=200").json(),
                page -> texts(page.get("items"), "caseId").contains(second));
        assertThat(texts(warrants.get("items"), "requestingAgency")).containsOnly("HSI");
        assertThat(texts(
                        api.as("liaison-fbi")
                                .get("/api/warrants?size=200")
                                .json()
                                .get("items"),
                        "caseId"))
                .contains(first)
                .doesNotContain(second);
        assertThat(texts(
                        api.as("auditor")
                                .get("/api/warrants?size=200&expiringBefore=" + Instant.now())
                                .json()
                                .get("items"),
                        "caseId"))
                .doesNotContain(first, second);
        assertThat(texts(
                        api.as("auditor")
                                .get("/api/warrants?size=200&expiringBefore="
                                        + Instant.now().plus(java.time.Duration.ofDays(91)))
                                .json()
                                .get("items"),
                        "caseId"))
                .contains(first, second);
    }

    @Test
    void aLiaisonReadsOnlyItsAgencysCases() {
        String caseId = newCaseId();
        expect(api.as("liaison-fbi").post("/api/cases", lawEnforcementFlagBody(caseId, "FBI")), 201);
        viewAt("liaison-fbi", caseId, 0);

        Response hidden = api.as("liaison-hsi").get("/api/cases/" + caseId);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().get("detail").asText()).isEqualTo("case " + caseId + " was not found");
        assertThat(api.as("liaison-hsi")
                        .get("/api/cases/" + caseId + "?asOf=" + Instant.now())
                        .status())
                .isEqualTo(404);
        assertThat(api.as("liaison-hsi")
                        .get("/api/cases/" + caseId + "/updates")
                        .status())
                .isEqualTo(404);
        assertThat(api.as("liaison-hsi")
                        .get("/api/cases/" + caseId + "?minVersion=0")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anAdminReadsNoCaseData() {
        assertThat(api.as("admin").get("/api/cases").status()).isEqualTo(403);
        assertThat(api.as("admin").get("/api/warrants").status()).isEqualTo(403);
        assertThat(api.as("admin").get("/api/accounts/ACC-1/holdings").status()).isEqualTo(403);
    }

    @Test
    void readsNeedCredentials() {
        assertThat(api.call().get("/api/cases").status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/cases?status=BOGUS | status",
                "/api/cases?size=100000 | size",
                "/api/cases?size=0 | size",
                "/api/cases?page=-1 | page",
                "/api/cases?page=x | page",
                "/api/cases?flaggedFrom=yesterday | flaggedFrom",
                "/api/cases?agency=fbi | agency",
                "/api/cases/CASE-1?asOf=2023-13-45 | asOf",
                "/api/cases/CASE-1?minVersion=-2 | minVersion",
                "/api/warrants?expiringBefore=soon | expiringBefore",
                "/api/warrants?size=201 | size",
            })
    void badParametersAreA400NamingTheParameter(String path, String parameter) {
        Response response = api.as("auditor").get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo(parameter);
        assertThat(response.body()).doesNotContain("Exception", "java.");
    }

    @Test
    void anUnknownCaseIsNotFound() {
        assertThat(api.as("auditor").get("/api/cases/NO-SUCH-CASE").status()).isEqualTo(404);
    }

    @Test
    void changesArriveLiveAsServerSentEvents() throws Exception {
        String caseId = newCaseId();
        expect(api.as("officer").post("/api/cases", flagBody(caseId)), 201);
        viewAt("officer", caseId, 0);

        try (LiveUpdates live = LiveUpdates.open(port, "auditor", "/api/cases/" + caseId + "/updates")) {
            assertThat(live.next().get("version").asLong()).isZero();
            expect(api.as("officer").post("/api/cases/" + caseId + "/notes", noteBody("first change")), 201);
            assertThat(live.next().get("version").asLong()).isEqualTo(1);
            expect(api.as("officer").post("/api/cases/" + caseId + "/warrants", warrantBody("W-1", "FBI")), 201);
            JsonNode second = live.next();
            assertThat(second.get("version").asLong()).isEqualTo(2);
            assertThat(second.get("status").asText()).isEqualTo("WARRANT_RECEIVED");
        }
    }
}

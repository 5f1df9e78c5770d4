package io.holdfast.app.http;

import static io.holdfast.app.http.Api.HASH_B;
import static io.holdfast.app.http.Api.expect;
import static io.holdfast.app.http.Api.flagBody;
import static io.holdfast.app.http.Api.freezeRequestBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.app.http.Api.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Legal deadlines over HTTP: an expiring warrant needs attention, extensions clear it, blocking reports are owed and filed. */
class DeadlinesHttpTest extends HttpApiSupport {

    private static String warrant(String warrantId, String orderType, Instant expiresAt) {
        return """
                {"warrantId": "%s", "orderType": "%s", "issuingAuthority": "OFAC", "requestingAgency": "FBI",
                 "jurisdiction": "US", "referenceNumber": "BLK-1", "issuedAt": "%s", "expiresAt": "%s",
                 "scope": [{"asset": "USDT"}, {"asset": "BTC"}], "documentSha256": "%s"}
                """.formatted(warrantId, orderType, Instant.now().minus(1, ChronoUnit.DAYS), expiresAt, HASH_B);
    }

    private JsonNode viewOnceItShows(String caseId, String attention, boolean present) throws InterruptedException {
        JsonNode view = null;
        for (int i = 0; i < 300; i++) {
            Response read = api.as("auditor").get("/api/cases/" + caseId);
            if (read.status() != 404) {
                view = expect(read, 200).json();
                if (view.get("attention").toString().contains(attention) == present) {
                    return view;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("attention of " + caseId + " is "
                + (view == null ? "not shown: the case never appeared" : view.get("attention")));
    }

    @Test
    void aCaseHoldingAssetsUnderAnExpiredWarrantNeedsAttentionUntilItIsExtended() throws Exception {
        String caseId = newCaseId();
        String account = "ACC-ATTENTION-" + System.nanoTime();
        expect(api.as("officer").post("/api/cases", flagBody(caseId).replace("ACC-88123", account)), 201);
        expect(
                api.as("officer")
                        .post(
                                "/api/cases/" + caseId + "/warrants",
                                warrant("W-1", "FREEZE_ORDER", Instant.now().plusSeconds(8))),
                201);
        expect(
                api.as("officer").post("/api/cases/" + caseId + "/freeze-requests", freezeRequestBody("R-1", "W-1")),
                201);
        expect(api.as("supervisor").post("/api/cases/" + caseId + "/freeze-requests/R-1/approval", "{}"), 200);

        JsonNode expired = viewOnceItShows(caseId, "WARRANT_EXPIRED", true);
        assertThat(expired.get("status").asText()).isEqualTo("FROZEN");
        assertThat(expired.get("warrants").get(0).get("expired").asBoolean()).isTrue();
        JsonNode summary = null;
        for (int i = 0; i < 100; i++) {
            summary = api.as("auditor")
                    .get("/api/cases?accountId=" + account)
                    .json()
                    .get("items")
                    .get(0);
            if (summary.get("attention").toString().contains("WARRANT_EXPIRED")) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(summary.get("caseId").asText()).isEqualTo(caseId);
        assertThat(summary.get("attention").toString()).contains("WARRANT_EXPIRED");

        Instant newExpiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Response extended = api.as("supervisor")
                .post("/api/cases/" + caseId + "/warrants/W-1/extension", """
                {"newExpiresAt": "%s", "authorityReference": "BLK-1-EXT", "documentSha256": "%s"}
                """.formatted(newExpiry, "d".repeat(64)));
        assertThat(extended.status()).isEqualTo(200);
        JsonNode cleared = viewOnceItShows(caseId, "WARRANT_EXPIRED", false);
        assertThat(cleared.get("warrants").get(0).get("expired").asBoolean()).isFalse();
        Instant registered = null;
        for (int i = 0; i < 100 && !newExpiry.equals(registered); i++) {
            for (JsonNode item : api.as("auditor")
                    .get("/api/warrants?agency=FBI&size=200")
                    .json()
                    .get("items")) {
                if (item.get("caseId").asText().equals(caseId)) {
                    registered = Instant.parse(item.get("expiresAt").asText());
                }
            }
            Thread.sleep(50);
        }
        assertThat(registered)
                .as("the warrant registry shows the extended expiry")
                .isEqualTo(newExpiry);
    }

    @Test
    void aFreezeUnderASanctionsBlockingOwesAReportDueInTenBusinessDays() throws Exception {
        String caseId = newCaseId();
        expect(api.as("officer").post("/api/cases", flagBody(caseId)), 201);
        expect(
                api.as("officer")
                        .post(
                                "/api/cases/" + caseId + "/warrants",
                                warrant(
                                        "W-1",
                                        "SANCTIONS_BLOCKING",
                                        Instant.now().plus(365, ChronoUnit.DAYS))),
                201);
        expect(
                api.as("officer").post("/api/cases/" + caseId + "/freeze-requests", freezeRequestBody("R-1", "W-1")),
                201);
        expect(api.as("supervisor").post("/api/cases/" + caseId + "/freeze-requests/R-1/approval", "{}"), 200);

        JsonNode open = null;
        for (int i = 0; i < 100; i++) {
            open = expect(api.as("auditor").get("/api/obligations?status=OPEN&size=200"), 200)
                    .json();
            if (open.toString().contains(caseId)) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(open.toString()).contains(caseId);
        JsonNode obligation = null;
        for (JsonNode item : open.get("items")) {
            if (item.get("caseId").asText().equals(caseId)) {
                obligation = item;
            }
        }
        assertThat(obligation.get("obligationId").asText()).isEqualTo("R-1");
        Instant dueAt = Instant.parse(obligation.get("dueAt").asText());
        assertThat(dueAt)
                .isAfter(Instant.now().plus(12, ChronoUnit.DAYS))
                .isBefore(Instant.now().plus(20, ChronoUnit.DAYS));
        assertThat(api.as("liaison-hsi").get("/api/obligations?size=200").json().toString())
                .doesNotContain(caseId);
        assertThat(api.as("auditor").get("/api/obligations?status=LATE").status())
                .isEqualTo(400);

        expect(
                api.as("officer")
                        .post(
                                "/api/cases/" + caseId + "/obligations/R-1/report",
                                "{\"reportReference\": \"OFAC-BR-0001\", \"filedAt\": \"" + Instant.now() + "\"}"),
                201);
        assertThat(api.as("officer")
                        .post(
                                "/api/cases/" + caseId + "/obligations/R-1/report",
                                "{\"reportReference\": \"OFAC-BR-0002\", \"filedAt\": \"" + Instant.now() + "\"}")
                        .status())
                .isEqualTo(409);
        assertThat(api.as("auditor")
                        .post(
                                "/api/cases/" + caseId + "/obligations/R-1/report",
                                "{\"reportReference\": \"x\", \"filedAt\": \"" + Instant.now() + "\"}")
                        .status())
                .isEqualTo(403);
        JsonNode filed = null;
        for (int i = 0; i < 100; i++) {
            filed = api.as("auditor")
                    .get("/api/obligations?status=FILED&size=200")
                    .json();
            if (filed.toString().contains(caseId)) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(filed.toString()).contains(caseId).contains("OFAC-BR-0001");
    }
}

package io.holdfast.app.postgres;

import static io.holdfast.app.http.Api.expect;
import static io.holdfast.app.postgres.PostgresSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.app.http.Api;
import io.holdfast.app.http.Api.Response;
import io.holdfast.command.sanctions.ofac.OfacFiles;
import io.holdfast.command.screening.ScreeningCaseIds;
import io.holdfast.kernel.AccountId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Sanctions import and screening on PostgreSQL: the screening tables, the run claim and the reads. */
class PostgresScreeningTest {

    private static final String OFFICER = token("officer", "OFFICER");
    private static final String AUDITOR = token("auditor", "AUDITOR");

    @Test
    void anImportedListFlagsAnAccountOnPostgres() {
        try (ConfigurableApplicationContext holdfast = PostgresSupport.start(PostgresSupport.newDatabase())) {
            Api api = PostgresSupport.api(holdfast);
            expect(
                    api.call()
                            .bearer(OFFICER)
                            .header("Content-Type", "text/csv")
                            .post(
                                    "/api/accounts/addresses",
                                    "account_id,holder_name,currency,address\n"
                                            + "ACC-PG-1,Han Min-ji,ETH,0x52908400098527886e0f7030069857d2e4169ee7\n"
                                            + "ACC-PG-2,Jin Hyok Park,XBT,1BoatSLRHtKNngkdXEeobR76b53LETtpyT\n"),
                    200);

            Response imported = api.call()
                    .bearer(OFFICER)
                    .header("Content-Type", "application/xml")
                    .post("/api/sanctions/lists", OfacFiles.bytes(OfacFiles.XML_V1));
            assertThat(imported.status()).as(imported.body()).isEqualTo(201);

            JsonNode run = finished(api, "list-OFAC-SDN-v1");
            assertThat(run.path("addressesScreened").asLong()).isEqualTo(2);
            assertThat(run.path("flagsRaised").asInt()).isEqualTo(1);
            assertThat(run.path("nameMatches").asInt()).isEqualTo(1);

            String caseId = ScreeningCaseIds.caseIdFor("OFAC-SDN", "36216", AccountId.of("ACC-PG-1"))
                    .value();
            JsonNode view = expect(api.call().bearer(AUDITOR).get("/api/cases/" + caseId + "?minVersion=1"), 200)
                    .json();
            assertThat(view.path("sanctionsMatch").path("entryUid").asText()).isEqualTo("36216");

            assertThat(expect(api.call().bearer(AUDITOR).get("/api/screening/name-matches?page=0&size=10"), 200)
                            .json()
                            .path("items")
                            .get(0)
                            .path("accountId")
                            .asText())
                    .isEqualTo("ACC-PG-2");
            assertThat(expect(
                                    api.call()
                                            .bearer(AUDITOR)
                                            .get(
                                                    "/api/sanctions/entries?address=0x52908400098527886e0f7030069857d2e4169ee7"),
                                    200)
                            .json()
                            .path("entries")
                            .get(0)
                            .path("uid")
                            .asText())
                    .isEqualTo("36216");
            assertThat(expect(api.call().bearer(AUDITOR).get("/api/sanctions/lists/OFAC-SDN/versions/1"), 200)
                            .json()
                            .path("entriesAdded"))
                    .hasSize(4);
        }
    }

    private static JsonNode finished(Api api, String runId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Response response = api.call().bearer(AUDITOR).get("/api/screening/runs/" + runId);
            if (response.status() == 200
                    && response.json().path("status").asText().equals("DONE")) {
                return response.json();
            }
            assertThat(response.body()).doesNotContain("\"FAILED\"");
            try {
                Thread.sleep(200);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("screening run " + runId + " did not finish");
    }
}

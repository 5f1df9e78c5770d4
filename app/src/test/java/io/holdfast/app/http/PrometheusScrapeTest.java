package io.holdfast.app.http;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.TestPropertySource;

import static io.holdfast.app.http.Api.expect;
import static io.holdfast.app.http.Api.freezeRequestBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Prometheus scrape after a case's lifecycle shows every metric the README's "What to watch"
 * table names, Holdfast's own beside Spring's; only an administrator may scrape.
 */
@AutoConfigureObservability
@TestPropertySource(properties = "holdfast.test.mode=prometheus")
class PrometheusScrapeTest extends HttpApiSupport {

    @Test
    void aScrapeAfterALifecycleShowsEveryMetricTheReadmeNames() {
        String caseId = newCaseId();
        api.frozenCase(caseId);
        expect(api.as("officer").post("/api/cases/" + caseId + "/freeze-requests", freezeRequestBody("R-9", "W-404")), 409);
        expect(api.as("auditor").get("/api/cases/" + caseId + "?minVersion=3"), 200);

        Api.Response scrape = api.as("admin").header("Accept", "text/plain").get("/actuator/prometheus");

        assertThat(scrape.status()).as(scrape.toString()).isEqualTo(200);
        assertThat(scrape.body()).contains(
                "http_server_requests_seconds_count{",
                "jvm_memory_used_bytes{area=\"heap\"",
                "hikaricp_connections_pending{",
                "holdfast_http_refused_total{",
                "holdfast_commands_total{",
                "holdfast_projection_lag_events{processor=\"case-views\"}",
                "holdfast_projection_lag_seconds{processor=\"case-views\"}",
                "holdfast_projection_dead_letters{processor=\"case-views\"}");
        assertThat(scrape.body())
                .contains("holdfast_commands_total{outcome=\"accepted\",policy=\"none\",type=\"FlagAccount\"}")
                .contains("holdfast_commands_total{outcome=\"refused\",policy=\"warrantMustBelongToCase\",type=\"RequestFreeze\"}");
    }

    @Test
    void onlyAnAdministratorMayScrape() {
        assertThat(api.as("auditor").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(api.call().get("/actuator/prometheus").status()).isEqualTo(401);
    }
}

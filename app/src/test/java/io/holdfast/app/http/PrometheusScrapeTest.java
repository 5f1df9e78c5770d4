package io.holdfast.app.http;

import static io.holdfast.app.http.Api.expect;
import static io.holdfast.app.http.Api.freezeRequestBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.command.sanctions.ofac.OfacFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.TestPropertySource;

/**
 * A Prometheus scrape after a case's lifecycle, a screening and a list import shows every metric
 * the "What to watch" table of docs/operations.md names and every metric the shipped Grafana dashboard queries;
 * the dashboard shows every metric of the table. Only an administrator may scrape.
 */
@AutoConfigureObservability
@TestPropertySource(properties = "holdfast.test.mode=prometheus")
class PrometheusScrapeTest extends HttpApiSupport {

    private static final Pattern METRIC = Pattern.compile("\\b((?:holdfast|http_server|jvm|hikaricp)_[a-z0-9_]+)");

    @Test
    void aScrapeAfterALifecycleShowsEveryMetricTheReadmeAndTheDashboardName() throws Exception {
        String caseId = newCaseId();
        api.frozenCase(caseId);
        expect(
                api.as("officer").post("/api/cases/" + caseId + "/freeze-requests", freezeRequestBody("R-9", "W-404")),
                409);
        expect(api.as("auditor").get("/api/cases/" + caseId + "?minVersion=3"), 200);
        String run = expect(api.as("officer").put("/api/accounts/ACC-SCRAPE/addresses", """
                {"holderName": "Han Min-ji", "addresses": [{"currency": "XBT", "address": "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"}]}
                """), 200)
                .json()
                .path("screeningRun")
                .asText();
        expect(
                api.as("officer")
                        .header("Content-Type", "application/xml")
                        .post("/api/sanctions/lists", OfacFiles.bytes(OfacFiles.XML_V1)),
                201);
        waitUntilDone(run);

        Api.Response scrape = api.as("admin").header("Accept", "text/plain").get("/actuator/prometheus");

        assertThat(scrape.status()).as(scrape.toString()).isEqualTo(200);
        Set<String> inReadme = metricsOf(watchTable());
        Set<String> inDashboard = metricsOf(dashboardQueries());
        assertThat(inReadme).hasSizeGreaterThanOrEqualTo(10);
        for (String metric : union(inReadme, inDashboard)) {
            assertThat(scrape.body())
                    .as("the scrape has %s", metric)
                    .containsPattern("(?m)^" + metric + "(_count|_sum|_max)?\\{");
        }
        assertThat(inDashboard)
                .as("the dashboard shows every metric of docs/operations.md's table")
                .containsAll(inReadme);
        assertThat(scrape.body())
                .contains("holdfast_commands_total{outcome=\"accepted\",policy=\"none\",type=\"FlagAccount\"}")
                .contains(
                        "holdfast_commands_total{outcome=\"refused\",policy=\"warrantMustBelongToCase\",type=\"RequestFreeze\"}")
                .contains("holdfast_projection_lag_events{processor=\"case-views\"}")
                .containsPattern("holdfast_screening_runs_seconds_count\\{outcome=\"done\",trigger=\"[A-Z_]+\"}")
                .contains("holdfast_sanctions_list_imports_seconds_count{format=\"SDN_XML\",outcome=\"recorded\"}");
    }

    @Test
    void onlyAnAdministratorMayScrape() {
        assertThat(api.as("auditor").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(api.call().get("/actuator/prometheus").status()).isEqualTo(401);
    }

    private void waitUntilDone(String runId) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Api.Response run = api.as("auditor").get("/api/screening/runs/" + runId);
            if (run.status() == 200 && run.json().path("status").asText().equals("DONE")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("screening run " + runId + " did not finish");
    }

    /** The first column of the "What to watch" table of docs/operations.md. */
    private static String watchTable() throws IOException {
        String readme = Files.readString(Path.of("../docs/operations.md"));
        String table = readme.substring(readme.indexOf("**What to watch**"));
        table = table.substring(table.indexOf("| metric |"), table.indexOf("\n\n", table.indexOf("| metric |")));
        StringBuilder firstColumn = new StringBuilder();
        table.lines()
                .skip(2)
                .forEach(row -> firstColumn.append(row.split("\\|")[1]).append('\n'));
        return firstColumn.toString();
    }

    private static String dashboardQueries() throws IOException {
        JsonNode dashboard = new ObjectMapper()
                .readTree(Path.of("../docs/grafana/holdfast-dashboard.json").toFile());
        assertThat(dashboard.path("panels").size()).isGreaterThanOrEqualTo(10);
        StringBuilder queries = new StringBuilder();
        dashboard
                .path("panels")
                .forEach(panel -> panel.path("targets")
                        .forEach(target ->
                                queries.append(target.path("expr").asText()).append('\n')));
        return queries.toString();
    }

    /** Metric names as Prometheus shows them, without the suffixes of a histogram or timer. */
    private static Set<String> metricsOf(String text) {
        Set<String> metrics = new LinkedHashSet<>();
        Matcher found = METRIC.matcher(text);
        while (found.find()) {
            metrics.add(found.group(1).replaceAll("_(count|sum|max|bucket)$", ""));
        }
        return metrics;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}

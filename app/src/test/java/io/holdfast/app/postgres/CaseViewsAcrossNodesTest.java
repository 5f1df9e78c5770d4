package io.holdfast.app.postgres;

import static io.holdfast.app.http.Api.expect;
import static io.holdfast.app.http.Api.flagBody;
import static io.holdfast.app.http.Api.noteBody;
import static io.holdfast.app.postgres.PostgresSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.http.Api;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A node answers a case read from the views its own projection committed, never from one another
 * node may have overtaken since: here node 2 projected a case and kept its view, then its segments
 * of the case-view projection went to node 1, which projected the case's next change.
 */
class CaseViewsAcrossNodesTest {

    private static final String OFFICER = token("officer", "OFFICER");
    private static final String AUDITOR = token("auditor", "AUDITOR");

    @Test
    void aNodeThatLetItsSegmentsGoAnswersTheCaseAsTheOtherNodeProjectedIt() throws Exception {
        String url = PostgresSupport.newDatabase();
        try (ConfigurableApplicationContext node2 = PostgresSupport.start(
                url, "--holdfast.node-id=node-2", "--holdfast.reads.case-views-in-memory.keep-for=10m")) {
            JdbcTemplate jdbc = node2.getBean(JdbcTemplate.class);
            awaitOwners(jdbc, "node-2");
            try (ConfigurableApplicationContext node1 = PostgresSupport.start(url, "--holdfast.node-id=node-1")) {
                Api one = PostgresSupport.api(node1);
                Api two = PostgresSupport.api(node2);
                expect(two.call().bearer(OFFICER).post("/api/cases", flagBody("CASE-MOVED")), 201);
                assertThat(version(expect(two.call().bearer(AUDITOR).get("/api/cases/CASE-MOVED?minVersion=0"), 200)))
                        .isZero();

                StreamingEventProcessor caseViews = node2.getBean(EventProcessingConfiguration.class)
                        .eventProcessor("case-views", StreamingEventProcessor.class)
                        .orElseThrow();
                for (int segment : caseViews.processingStatus().keySet().stream()
                        .mapToInt(Integer::intValue)
                        .toArray()) {
                    caseViews.releaseSegment(segment, 5, TimeUnit.MINUTES);
                }
                awaitOwners(jdbc, "node-1");
                expect(
                        one.call()
                                .bearer(OFFICER)
                                .post("/api/cases/CASE-MOVED/notes", noteBody("the bank called back")),
                        201);
                expect(one.call().bearer(AUDITOR).get("/api/cases/CASE-MOVED?minVersion=1"), 200);

                assertThat(version(expect(two.call().bearer(AUDITOR).get("/api/cases/CASE-MOVED"), 200)))
                        .as("node 2 answers the view node 1 projected, not the one it kept")
                        .isEqualTo(1);
            }
        }
    }

    private static long version(Api.Response response) {
        return response.json().get("version").asLong();
    }

    private static void awaitOwners(JdbcTemplate jdbc, String node) throws InterruptedException {
        List<String> owners = List.of();
        for (int i = 0; i < 300; i++) {
            owners = jdbc.queryForList(
                    "select owner from token_entry where processor_name = 'case-views'", String.class);
            if (owners.size() == 2 && owners.stream().allMatch(node::equals)) {
                return;
            }
            Thread.sleep(50);
        }
        assertThat(owners).as("the case-view projection's segments").containsOnly(node);
    }
}

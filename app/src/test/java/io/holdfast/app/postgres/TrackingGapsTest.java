package io.holdfast.app.postgres;

import static io.holdfast.app.http.Api.expect;
import static io.holdfast.app.http.Api.flagBody;
import static io.holdfast.app.postgres.PostgresSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.http.Api;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Transactions commit out of order: an event that took its global index first but commits last
 * is still projected. The tracking token remembers the gap the slow transaction left and fills it
 * when the event appears.
 */
class TrackingGapsTest {

    private static final String AUDITOR = token("auditor", "AUDITOR");

    @Test
    void anEventCommittedAfterALaterOneIsNotSkipped() throws Exception {
        String url = PostgresSupport.newDatabase();
        try (ConfigurableApplicationContext context = PostgresSupport.start(url)) {
            Api api = PostgresSupport.api(context);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            SlowTransaction slow = SlowTransaction.open(context, "CASE-SLOW");

            // a later event takes the next global index and commits first
            expect(api.call().bearer(token("officer", "OFFICER")).post("/api/cases", flagBody("CASE-FAST")), 201);
            expect(api.call().bearer(AUDITOR).get("/api/cases/CASE-FAST?minVersion=0"), 200);
            assertThat(api.call().bearer(AUDITOR).get("/api/cases/CASE-SLOW").status())
                    .isEqualTo(404);

            slow.commit();

            assertThat(expect(api.call().bearer(AUDITOR).get("/api/cases/CASE-SLOW?minVersion=0"), 200)
                            .json()
                            .get("caseId")
                            .asText())
                    .isEqualTo("CASE-SLOW");
            PostgresLifecycleTest.awaitHistory(api, "CASE-SLOW", 1);
            List<Long> indexes = jdbc.queryForList(
                    "select global_index from domain_event_entry where aggregate_identifier in ('CASE-SLOW', 'CASE-FAST') "
                            + "order by aggregate_identifier desc",
                    Long.class);
            assertThat(indexes.get(0)).as("the slow event's index comes first").isLessThan(indexes.get(1));
        }
    }
}

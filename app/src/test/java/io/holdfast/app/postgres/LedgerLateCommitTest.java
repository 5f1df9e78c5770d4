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
 * On PostgreSQL a transaction that took its global index first may commit last. The ledger never
 * puts a later event before it: while the slow transaction is open, nothing above its index becomes
 * a leaf; once it commits, its event is the leaf before the later one, and the ledger verifies.
 */
class LedgerLateCommitTest {

    private static final String AUDITOR = token("auditor", "AUDITOR");

    @Test
    void anEventCommittedLateTakesItsPlaceBeforeTheLaterOnes() throws Exception {
        String url = PostgresSupport.newDatabase();
        try (ConfigurableApplicationContext context = PostgresSupport.start(
                url, "--holdfast.ledger.append-interval=100ms", "--holdfast.ledger.settle-after=20s")) {
            Api api = PostgresSupport.api(context);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            expect(api.call().bearer(token("officer", "OFFICER")).post("/api/cases", flagBody("CASE-FIRST")), 201);
            awaitLeaves(jdbc, 1);

            SlowTransaction slow = SlowTransaction.open(context, "CASE-SLOW");

            expect(api.call().bearer(token("officer", "OFFICER")).post("/api/cases", flagBody("CASE-FAST")), 201);
            PostgresLifecycleTest.awaitHistory(api, "CASE-FAST", 1);
            // audited, but above the open transaction's index: not a leaf while it may still commit
            Thread.sleep(1500);
            assertThat(leafOf(jdbc, "CASE-FAST")).isEmpty();

            slow.commit();
            awaitLeaves(jdbc, 3);

            long slowLeaf = leafOf(jdbc, "CASE-SLOW").get(0);
            long fastLeaf = leafOf(jdbc, "CASE-FAST").get(0);
            assertThat(slowLeaf)
                    .as("the late event's leaf comes first, as its global index")
                    .isLessThan(fastLeaf);
            assertThat(jdbc.queryForList("select global_index from ledger_leaf order by ledger_index", Long.class))
                    .isSorted();
            expect(api.call().bearer(AUDITOR).post("/api/audit/ledger/checkpoints", ""), 201);
            assertThat(expect(api.call().bearer(AUDITOR).get("/api/audit/ledger/verification"), 200)
                            .json()
                            .get("valid")
                            .asBoolean())
                    .isTrue();
        }
    }

    private static List<Long> leafOf(JdbcTemplate jdbc, String caseId) {
        return jdbc.queryForList("select ledger_index from ledger_leaf where case_id = ?", Long.class, caseId);
    }

    private static void awaitLeaves(JdbcTemplate jdbc, long leaves) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (jdbc.queryForObject("select count(*) from ledger_leaf", Long.class) >= leaves) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the ledger did not reach " + leaves + " leaves");
    }
}

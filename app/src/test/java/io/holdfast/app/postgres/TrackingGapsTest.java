package io.holdfast.app.postgres;

import static io.holdfast.app.http.Api.expect;
import static io.holdfast.app.http.Api.flagBody;
import static io.holdfast.app.postgres.PostgresSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.http.Api;
import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FlagReason;
import io.holdfast.kernel.Role;
import io.holdfast.kernel.Subject;
import io.holdfast.kernel.freezecase.AccountFlagged;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
            EventStore eventStore = context.getBean(EventStore.class);
            TransactionTemplate inTransaction =
                    new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            CountDownLatch appended = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            AccountFlagged slowFlag = new AccountFlagged(
                    CaseId.of("CASE-SLOW"),
                    AccountId.of("ACC-1"),
                    new Subject("Slow", List.of()),
                    FlagReason.internalInvestigation(null),
                    List.of(),
                    Actor.of("officer", Role.OFFICER));
            Thread slow = new Thread(
                    () -> inTransaction.executeWithoutResult(status -> {
                        eventStore.publish(new GenericDomainEventMessage<>("FreezeCase", "CASE-SLOW", 0, slowFlag));
                        appended.countDown();
                        try {
                            commit.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }),
                    "slow-transaction");
            slow.start();
            assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();

            // a later event takes the next global index and commits first
            expect(api.call().bearer(token("officer", "OFFICER")).post("/api/cases", flagBody("CASE-FAST")), 201);
            expect(api.call().bearer(AUDITOR).get("/api/cases/CASE-FAST?minVersion=0"), 200);
            assertThat(api.call().bearer(AUDITOR).get("/api/cases/CASE-SLOW").status())
                    .isEqualTo(404);

            commit.countDown();
            slow.join(30_000);

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

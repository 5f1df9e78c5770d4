package io.holdfast.app.postgres;

import static io.holdfast.app.http.Api.expect;
import static io.holdfast.app.http.Api.flagBody;
import static io.holdfast.app.http.Api.freezeRequestBody;
import static io.holdfast.app.http.Api.noteBody;
import static io.holdfast.app.http.Api.warrantBody;
import static io.holdfast.app.postgres.PostgresSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.http.Api;
import io.holdfast.app.http.Api.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two Holdfast nodes on one PostgreSQL: either takes commands, they never both append, and they split the projections. */
class TwoNodesTest {

    private static final String OFFICER = token("officer", "OFFICER");
    private static final String SUPERVISOR = token("supervisor", "SUPERVISOR");
    private static final String AUDITOR = token("auditor", "AUDITOR");
    private static final List<String> PROJECTIONS =
            List.of("case-views", "case-summaries", "account-holdings", "warrant-registry", "audit-trail");

    @Test
    void twoNodesShareOneDatabase() throws Exception {
        String url = PostgresSupport.newDatabase();
        // a node claims at most as many segments as it has processor threads: node 1 takes one of the two
        List<String> oneThreadEach = new ArrayList<>(List.of("--holdfast.node-id=node-1"));
        PROJECTIONS.forEach(p -> oneThreadEach.add("--axon.eventhandling.processors." + p + ".thread-count=1"));
        ConfigurableApplicationContext node1 = PostgresSupport.start(url, oneThreadEach.toArray(String[]::new));
        try (ConfigurableApplicationContext node2 = PostgresSupport.start(url, "--holdfast.node-id=node-2")) {
            Api one = PostgresSupport.api(node1);
            Api two = PostgresSupport.api(node2);
            JdbcTemplate jdbc = node2.getBean(JdbcTemplate.class);

            // a deadline scheduled on one node fires once, whichever node's scheduler picks it
            Instant expiresAt = Instant.now().plusSeconds(5);
            expect(one.call().bearer(OFFICER).post("/api/cases", flagBody("CASE-DEADLINE-2N")), 201);
            expect(
                    one.call().bearer(OFFICER).post("/api/cases/CASE-DEADLINE-2N/warrants", """
                    {"warrantId": "W-1", "orderType": "FREEZE_ORDER", "issuingAuthority": "court", "requestingAgency": "FBI",
                     "jurisdiction": "US", "referenceNumber": "R", "issuedAt": "%s", "expiresAt": "%s",
                     "scope": [{"asset": "BTC"}], "documentSha256": "%s"}""".formatted(
                                    Instant.now().minusSeconds(86_400), expiresAt, "a".repeat(64))),
                    201);

            // (a) a case's commands may go to either node
            expect(one.call().bearer(OFFICER).post("/api/cases", flagBody("CASE-2N")), 201);
            expect(two.call().bearer(OFFICER).post("/api/cases/CASE-2N/warrants", warrantBody("W-1", "FBI")), 201);
            expect(
                    one.call()
                            .bearer(OFFICER)
                            .post("/api/cases/CASE-2N/freeze-requests", freezeRequestBody("R-1", "W-1")),
                    201);
            assertThat(expect(
                                    two.call()
                                            .bearer(SUPERVISOR)
                                            .post("/api/cases/CASE-2N/freeze-requests/R-1/approval", "{}"),
                                    200)
                            .header("ETag"))
                    .isEqualTo("\"3\"");

            // (b) two nodes racing on one version: exactly one appends
            for (long version = 3; version < 8; version++) {
                String ifMatch = "\"" + version + "\"";
                CountDownLatch start = new CountDownLatch(1);
                CompletableFuture<Response> viaOne = CompletableFuture.supplyAsync(() -> race(
                        start,
                        () -> one.call()
                                .bearer(OFFICER)
                                .header("If-Match", ifMatch)
                                .post("/api/cases/CASE-2N/notes", noteBody("one"))));
                CompletableFuture<Response> viaTwo = CompletableFuture.supplyAsync(() -> race(
                        start,
                        () -> two.call()
                                .bearer(OFFICER)
                                .header("If-Match", ifMatch)
                                .post("/api/cases/CASE-2N/notes", noteBody("two"))));
                start.countDown();
                List<Integer> statuses =
                        List.of(viaOne.get().status(), viaTwo.get().status());
                assertThat(statuses).containsOnlyOnce(201);
                assertThat(statuses).anyMatch(status -> status == 412 || status == 409);
            }
            assertThat(jdbc.queryForObject(
                            "select count(*) from domain_event_entry where aggregate_identifier = 'CASE-2N'",
                            Integer.class))
                    .isEqualTo(9);

            // (c) the projections' segments are split between the nodes, and every event is projected
            List<String> cases = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String caseId = "CASE-SPLIT-" + i;
                cases.add(caseId);
                expect((i % 2 == 0 ? one : two).call().bearer(OFFICER).post("/api/cases", flagBody(caseId)), 201);
            }
            for (String processor : PROJECTIONS) {
                List<String> owners = jdbc.queryForList(
                        "select owner from token_entry where processor_name = ? order by segment",
                        String.class,
                        processor);
                assertThat(owners).as(processor).containsExactlyInAnyOrder("node-1", "node-2");
            }
            awaitProjected(two, cases);
            PostgresLifecycleTest.awaitHistory(two, "CASE-2N", 9);
            assertThat(jdbc.queryForObject("select count(*) from audit_entry", Integer.class))
                    .isEqualTo(jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class));
            assertThat(jdbc.queryForObject("select count(*) from dead_letter_entry", Integer.class))
                    .isZero();

            String countExpired =
                    "select count(*) from domain_event_entry where aggregate_identifier = 'CASE-DEADLINE-2N' "
                            + "and payload_type like '%WarrantExpired'";
            for (int i = 0; i < 200 && jdbc.queryForObject(countExpired, Integer.class) == 0; i++) {
                Thread.sleep(100);
            }
            Thread.sleep(1_000);
            assertThat(jdbc.queryForObject(countExpired, Integer.class)).isEqualTo(1);

            // (d) when node 1 stops, node 2 takes over its segments and the projections catch up
            node1.close();
            List<String> later = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String caseId = "CASE-AFTER-" + i;
                later.add(caseId);
                expect(two.call().bearer(OFFICER).post("/api/cases", flagBody(caseId)), 201);
            }
            awaitProjected(two, later);
            for (String processor : PROJECTIONS) {
                awaitOwners(jdbc, processor);
            }
            assertThat(expect(two.call().bearer(AUDITOR).get("/api/cases/CASE-2N/history/verification"), 200)
                            .json()
                            .get("valid")
                            .asBoolean())
                    .isTrue();
        } finally {
            node1.close();
        }
    }

    private static Response race(CountDownLatch start, java.util.function.Supplier<Response> request) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return request.get();
    }

    private static void awaitProjected(Api api, List<String> cases) throws InterruptedException {
        for (String caseId : cases) {
            expect(api.call().bearer(AUDITOR).get("/api/cases/" + caseId + "?minVersion=0"), 200);
            PostgresLifecycleTest.awaitHistory(api, caseId, 1);
        }
        for (int i = 0; i < 200; i++) {
            Response list = api.call().bearer(AUDITOR).get("/api/cases?size=200");
            if (list.json().get("total").asLong() >= cases.size()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the case list did not catch up");
    }

    private static void awaitOwners(JdbcTemplate jdbc, String processor) throws InterruptedException {
        List<String> owners = List.of();
        for (int i = 0; i < 200; i++) {
            owners = jdbc.queryForList(
                    "select owner from token_entry where processor_name = ?", String.class, processor);
            if (owners.stream().allMatch("node-2"::equals)) {
                return;
            }
            Thread.sleep(50);
        }
        assertThat(owners).as(processor + " after node 1 stopped").containsOnly("node-2");
    }
}

package io.holdfast.app.postgres;

import static io.holdfast.app.http.Api.expect;
import static io.holdfast.app.http.Api.flagBody;
import static io.holdfast.app.http.Api.freezeRequestBody;
import static io.holdfast.app.http.Api.noteBody;
import static io.holdfast.app.http.Api.warrantBody;
import static io.holdfast.app.postgres.PostgresSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.app.http.Api;
import io.holdfast.app.http.Api.Response;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Holdfast on real PostgreSQL: a whole case over REST, then a restart that keeps everything. */
class PostgresLifecycleTest {

    private static final String OFFICER = token("officer", "OFFICER");
    private static final String SUPERVISOR = token("supervisor", "SUPERVISOR");
    private static final String AUDITOR = token("auditor", "AUDITOR");

    @Test
    void aCaseLivesOnPostgresAcrossARestart() {
        String url = PostgresSupport.newDatabase();
        String caseId = "CASE-PG-1";
        try (ConfigurableApplicationContext first = PostgresSupport.start(url)) {
            Api api = PostgresSupport.api(first);
            expect(api.call().bearer(OFFICER).post("/api/cases", flagBody(caseId)), 201);
            expect(
                    api.call().bearer(OFFICER).post("/api/cases/" + caseId + "/warrants", warrantBody("W-1", "FBI")),
                    201);
            expect(
                    api.call()
                            .bearer(OFFICER)
                            .post("/api/cases/" + caseId + "/freeze-requests", freezeRequestBody("R-1", "W-1")),
                    201);
            expect(
                    api.call().bearer(SUPERVISOR).post("/api/cases/" + caseId + "/freeze-requests/R-1/approval", "{}"),
                    200);
            expect(
                    api.call()
                            .bearer(SUPERVISOR)
                            .header("Idempotency-Key", "partial-1")
                            .post(
                                    "/api/cases/" + caseId + "/releases",
                                    "{\"holdings\": [{\"asset\": \"BTC\", \"amount\": \"10\"}], \"reason\": \"ORDER_LIFTED\", \"authorityReference\": \"A\"}"),
                    201);
            Response released = api.call()
                    .bearer(SUPERVISOR)
                    .post(
                            "/api/cases/" + caseId + "/releases",
                            "{\"reason\": \"ORDER_LIFTED\", \"authorityReference\": \"B\"}");
            assertThat(released.status()).isEqualTo(201);
            assertThat(released.header("ETag")).isEqualTo("\"5\"");

            JsonNode view = expect(api.call().bearer(AUDITOR).get("/api/cases/" + caseId + "?minVersion=5"), 200)
                    .json();
            assertThat(view.get("status").asText()).isEqualTo("RELEASED");
            assertThat(view.get("released").toString())
                    .contains("\"amount\":\"49.5\"")
                    .contains("\"amount\":\"3050000.00\"");
            awaitHistory(api, caseId, 6);
            assertThat(expect(api.call().bearer(AUDITOR).get("/api/cases/" + caseId + "/history/verification"), 200)
                            .json()
                            .get("valid")
                            .asBoolean())
                    .isTrue();

            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            // no large objects anywhere: Axon's payloads, tokens and dead letters are bytea
            assertThat(jdbc.queryForList(
                            "select table_name || '.' || column_name from information_schema.columns "
                                    + "where table_schema = 'public' and data_type = 'oid'",
                            String.class))
                    .isEmpty();
            assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Integer.class))
                    .isZero();
            assertThat(jdbc.queryForObject(
                            "select data_type from information_schema.columns "
                                    + "where table_name = 'token_entry' and column_name = 'token'",
                            String.class))
                    .isEqualTo("bytea");
        }
        try (ConfigurableApplicationContext second = PostgresSupport.start(url)) {
            Api api = PostgresSupport.api(second);
            assertThat(expect(api.call().bearer(AUDITOR).get("/api/cases/" + caseId), 200)
                            .json()
                            .get("version")
                            .asLong())
                    .isEqualTo(5);
            Response retry = api.call()
                    .bearer(SUPERVISOR)
                    .header("Idempotency-Key", "partial-1")
                    .post(
                            "/api/cases/" + caseId + "/releases",
                            "{\"holdings\": [{\"asset\": \"BTC\", \"amount\": \"10\"}], \"reason\": \"ORDER_LIFTED\", \"authorityReference\": \"A\"}");
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
            assertThat(api.call()
                            .bearer(OFFICER)
                            .post("/api/cases/" + caseId + "/warrants", warrantBody("W-2", "FBI"))
                            .status())
                    .isEqualTo(409);
            Response note = api.call()
                    .bearer(OFFICER)
                    .post("/api/cases/" + caseId + "/notes", noteBody("closed on PostgreSQL"));
            assertThat(note.header("ETag")).isEqualTo("\"6\"");
            awaitHistory(api, caseId, 7);
            assertThat(expect(api.call().bearer(AUDITOR).get("/api/cases/" + caseId + "/history/verification"), 200)
                            .json()
                            .get("valid")
                            .asBoolean())
                    .isTrue();
            assertThat(second.getBean(JdbcTemplate.class)
                            .queryForList(
                                    "select global_index from domain_event_entry order by global_index", Long.class))
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);

            Response backup = api.call().bearer(token("admin", "ADMIN")).post("/api/admin/backups", "");
            assertThat(backup.status())
                    .as("PostgreSQL is backed up with its own tools")
                    .isEqualTo(409);
            assertThat(backup.json().get("type").asText()).isEqualTo("/problems/backup-elsewhere");
        }
    }

    static void awaitHistory(Api api, String caseId, int entries) {
        for (int i = 0; i < 200; i++) {
            Response history = api.call().bearer(AUDITOR).get("/api/cases/" + caseId + "/history");
            if (history.status() == 200 && history.json().get("entries").size() >= entries) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the history of " + caseId + " did not reach " + entries + " entries");
    }
}

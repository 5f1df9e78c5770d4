package io.holdfast.app.http;

import static io.holdfast.app.http.Api.expect;
import static io.holdfast.app.http.Api.flagBody;
import static io.holdfast.app.http.Api.lawEnforcementFlagBody;
import static io.holdfast.app.http.Api.noteBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.app.http.Api.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit trail over HTTP: history, verification, tampering, replay, parked events and who may see what. */
class AuditTrailHttpTest extends HttpApiSupport {

    @Autowired
    JdbcTemplate jdbc;

    private JsonNode historyOf(String caseId, int entries) throws InterruptedException {
        Response response = api.as("auditor").get("/api/cases/" + caseId + "/history");
        for (int i = 0;
                i < 200
                        && (response.status() != 200
                                || response.json().get("entries").size() < entries);
                i++) {
            Thread.sleep(50);
            response = api.as("auditor").get("/api/cases/" + caseId + "/history");
        }
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("entries")).hasSize(entries);
        return response.json();
    }

    private JsonNode verification(String caseId) {
        return expect(api.as("auditor").get("/api/cases/" + caseId + "/history/verification"), 200)
                .json();
    }

    private String caseWithFourEntries() throws InterruptedException {
        String caseId = newCaseId();
        expect(api.as("officer").header("X-Correlation-Id", "audit-1").post("/api/cases", flagBody(caseId)), 201);
        for (int i = 1; i <= 3; i++) {
            expect(api.as("officer").post("/api/cases/" + caseId + "/notes", noteBody("note " + i)), 201);
        }
        historyOf(caseId, 4);
        return caseId;
    }

    private void withoutAppendOnlyTrigger(Runnable tampering) {
        jdbc.execute("drop trigger audit_entry_append_only");
        try {
            tampering.run();
        } finally {
            jdbc.execute("create trigger audit_entry_append_only before update, delete on audit_entry "
                    + "for each row call \"io.holdfast.query.audit.AppendOnlyRows\"");
        }
    }

    @Test
    void aCasesHistoryIsAChainFromSixtyFourZeros() throws Exception {
        String caseId = caseWithFourEntries();
        JsonNode history = historyOf(caseId, 4);
        assertThat(history.get("caseId").asText()).isEqualTo(caseId);
        JsonNode first = history.get("entries").get(0);
        assertThat(first.get("sequence").asLong()).isZero();
        assertThat(first.get("type").asText()).isEqualTo("AccountFlagged");
        assertThat(first.get("payloadType").asText())
                .as("the name the event is stored under, not a Java class")
                .isEqualTo("holdfast.case.AccountFlagged");
        assertThat(first.get("revision").asText()).isEqualTo("1");
        assertThat(first.get("actor").asText()).isEqualTo("officer");
        assertThat(first.get("role").asText()).isEqualTo("OFFICER");
        assertThat(first.get("correlationId").asText()).isEqualTo("audit-1");
        assertThat(first.get("payload").get("accountId").asText()).isEqualTo("ACC-88123");
        assertThat(first.get("globalIndex").asLong()).isPositive();
        assertThat(first.get("previousHash").asText()).isEqualTo("0".repeat(64));
        for (int i = 1; i < 4; i++) {
            assertThat(history.get("entries").get(i).get("previousHash").asText())
                    .isEqualTo(history.get("entries").get(i - 1).get("hash").asText());
        }

        JsonNode verification = verification(caseId);
        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("entries").asLong()).isEqualTo(4);
        assertThat(verification.get("headHash").asText())
                .isEqualTo(history.get("entries").get(3).get("hash").asText());
        assertThat(verification.get("firstInvalidSequence").isNull()).isTrue();
    }

    @Test
    void aPortalReadsTheHistoryRightAfterItsWriteWithMinVersion() {
        String caseId = newCaseId();
        Api.expect(api.as("officer").post("/api/cases", Api.flagBody(caseId)), 201);
        Api.expect(api.as("officer").post("/api/cases/" + caseId + "/notes", Api.noteBody("first")), 201);

        JsonNode history = Api.expect(api.as("auditor").get("/api/cases/" + caseId + "/history?minVersion=1"), 200)
                .json();
        assertThat(history.get("entries")).hasSize(2);
        assertThat(history.get("entries").get(1).get("type").asText()).isEqualTo("NoteAdded");

        Response ahead = api.as("auditor").get("/api/cases/" + caseId + "/history?minVersion=7");
        assertThat(ahead.status()).isEqualTo(200);
        assertThat(ahead.header("Warning")).contains("at version 1").contains("not yet reached version 7");
        assertThat(api.as("auditor")
                        .get("/api/cases/" + newCaseId() + "/history?minVersion=0")
                        .status())
                .isEqualTo(404);
        assertThat(api.as("auditor")
                        .get("/api/cases/" + caseId + "/history?minVersion=x")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theDatabaseRefusesToChangeAuditRowsOrStoredEvents() throws Exception {
        String caseId = caseWithFourEntries();
        assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'mallory' where case_id = ?", caseId))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where case_id = ?", caseId))
                .hasMessageContaining("append-only");
        assertTheEventStoreRefusesChanges(caseId);
        assertThat(verification(caseId).get("valid").asBoolean()).isTrue();
    }

    /** Holdfast's own event store refuses to change a stored event (a trigger). */
    protected void assertTheEventStoreRefusesChanges(String caseId) {
        assertThatThrownBy(() -> jdbc.update("delete from domain_event_entry where aggregate_identifier = ?", caseId))
                .hasMessageContaining("append-only");
    }

    @Test
    void anAlteredPayloadIsFound() throws Exception {
        String caseId = caseWithFourEntries();
        withoutAppendOnlyTrigger(() -> jdbc.update(
                "update audit_entry set payload = replace(payload, 'note 2', 'note two') where case_id = ? and sequence = 2",
                caseId));
        JsonNode verification = verification(caseId);
        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("firstInvalidSequence").asLong()).isEqualTo(2);
    }

    @Test
    void anAlteredPayloadWithARecomputedChainIsFoundAgainstTheEventStore() throws Exception {
        String caseId = caseWithFourEntries();
        // a forger who rewrites the last row and its hash consistently still disagrees with the event store
        withoutAppendOnlyTrigger(() -> {
            jdbc.update(
                    "update audit_entry set payload = replace(payload, 'note 3', 'note 9') where case_id = ? and sequence = 3",
                    caseId);
            Map<String, Object> row =
                    jdbc.queryForMap("select * from audit_entry where case_id = ? and sequence = 3", caseId);
            io.holdfast.kernel.audit.AuditEntry forged = new io.holdfast.kernel.audit.AuditEntry(
                    caseId,
                    3,
                    ((Number) row.get("GLOBAL_INDEX")).longValue(),
                    (String) row.get("EVENT_ID"),
                    (String) row.get("EVENT_TYPE"),
                    (String) row.get("PAYLOAD_TYPE"),
                    (String) row.get("PAYLOAD_REVISION"),
                    (String) row.get("OCCURRED_AT_ISO"),
                    (String) row.get("ACTOR"),
                    (String) row.get("ROLE"),
                    (String) row.get("AGENCY"),
                    (String) row.get("CORRELATION_ID"),
                    jdbc.queryForObject(
                            "select payload from audit_entry where case_id = ? and sequence = 3", String.class, caseId),
                    jdbc.queryForObject(
                            "select metadata from audit_entry where case_id = ? and sequence = 3",
                            String.class,
                            caseId),
                    (String) row.get("PREVIOUS_HASH"),
                    null,
                    null);
            jdbc.update(
                    "update audit_entry set hash = ? where case_id = ? and sequence = 3",
                    io.holdfast.query.audit.AuditChain.hash(forged.previousHash(), forged),
                    caseId);
        });
        JsonNode verification = verification(caseId);
        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("firstInvalidSequence").asLong()).isEqualTo(3);
        assertThat(verification.get("finding").asText()).contains("event store");
    }

    @Test
    void aDeletedRowIsFound() throws Exception {
        String caseId = caseWithFourEntries();
        withoutAppendOnlyTrigger(
                () -> jdbc.update("delete from audit_entry where case_id = ? and sequence = 1", caseId));
        JsonNode verification = verification(caseId);
        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("firstInvalidSequence").asLong()).isEqualTo(1);
    }

    @Test
    void twoSwappedRowsAreFound() throws Exception {
        String caseId = caseWithFourEntries();
        withoutAppendOnlyTrigger(() -> {
            jdbc.update("update audit_entry set sequence = -1 where case_id = ? and sequence = 1", caseId);
            jdbc.update("update audit_entry set sequence = 1 where case_id = ? and sequence = 2", caseId);
            jdbc.update("update audit_entry set sequence = 2 where case_id = ? and sequence = -1", caseId);
        });
        JsonNode verification = verification(caseId);
        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("firstInvalidSequence").asLong()).isEqualTo(1);
    }

    @Test
    void aReplayRebuildsByteIdenticalRowsAndHashes() throws Exception {
        String caseId = caseWithFourEntries();
        List<Map<String, Object>> before =
                jdbc.queryForList("select * from audit_entry where case_id = ? order by sequence", caseId);

        Response started = api.as("admin").post("/api/admin/replays/audit-trail", "");
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().get("processor").asText()).isEqualTo("audit-trail");

        JsonNode status = null;
        for (int i = 0; i < 400; i++) {
            status = expect(api.as("admin").get("/api/admin/replays/audit-trail"), 200)
                    .json();
            if (status.get("state").asText().equals("LIVE")
                    && status.get("position").asLong() >= status.get("head").asLong()) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(status.get("state").asText())
                .as(
                        status + " "
                                + jdbc.queryForList(
                                        "select segment, owner, utf8tostring(token) from token_entry where processor_name = 'audit-trail'"))
                .isEqualTo("LIVE");
        List<Map<String, Object>> after =
                jdbc.queryForList("select * from audit_entry where case_id = ? order by sequence", caseId);
        assertThat(after).isEqualTo(before);
        assertThat(verification(caseId).get("valid").asBoolean()).isTrue();
    }

    @Test
    void onlyAnAdminReplays() {
        assertThat(api.as("auditor").post("/api/admin/replays/audit-trail", "").status())
                .isEqualTo(403);
        assertThat(api.as("supervisor").get("/api/admin/replays/audit-trail").status())
                .isEqualTo(403);
        assertThat(api.as("admin").get("/api/admin/replays/no-such-projection").status())
                .isEqualTo(404);
        assertThat(api.as("admin").get("/api/admin/replays/case-views").status())
                .isEqualTo(200);
    }

    @Test
    void whoMayReadTheTrail() throws Exception {
        String fbiCase = newCaseId();
        expect(api.as("liaison-fbi").post("/api/cases", lawEnforcementFlagBody(fbiCase, "FBI")), 201);
        historyOf(fbiCase, 1);
        assertThat(api.as("liaison-fbi")
                        .get("/api/cases/" + fbiCase + "/history")
                        .status())
                .isEqualTo(200);
        assertThat(api.as("liaison-fbi")
                        .get("/api/cases/" + fbiCase + "/history/verification")
                        .status())
                .isEqualTo(200);
        assertThat(api.as("liaison-hsi")
                        .get("/api/cases/" + fbiCase + "/history")
                        .status())
                .isEqualTo(404);
        assertThat(api.as("liaison-hsi")
                        .get("/api/cases/" + fbiCase + "/history/verification")
                        .status())
                .isEqualTo(404);
        assertThat(api.as("liaison-fbi").get("/api/audit/events").status()).isEqualTo(403);
        assertThat(api.as("admin").get("/api/cases/" + fbiCase + "/history").status())
                .isEqualTo(403);
        assertThat(api.as("auditor").get("/api/audit/events?size=5").status()).isEqualTo(200);
    }

    @Test
    void aPoisonEventIsParkedWhileOtherCasesGoOn() throws Exception {
        String poisoned = "POISON-" + System.nanoTime();
        jdbc.execute("alter table audit_entry add constraint test_poison check (case_id <> '" + poisoned + "')");
        try {
            expect(api.as("officer").post("/api/cases", flagBody(poisoned)), 201);
            expect(api.as("officer").post("/api/cases/" + poisoned + "/notes", noteBody("after the poison")), 201);
            String healthy = caseWithFourEntries();
            assertThat(verification(healthy).get("valid").asBoolean()).isTrue();

            JsonNode parked = null;
            for (int i = 0; i < 100; i++) {
                parked = expect(api.as("admin").get("/api/admin/dead-letters"), 200)
                        .json();
                if (parked.toString().contains(poisoned)) {
                    break;
                }
                Thread.sleep(50);
            }
            assertThat(parked.toString()).contains(poisoned).contains("audit-trail");
            assertThat(api.as("auditor")
                            .get("/api/cases/" + poisoned + "/history")
                            .status())
                    .isEqualTo(404);
        } finally {
            jdbc.execute("alter table audit_entry drop constraint test_poison");
        }
        JsonNode retried = expect(api.as("admin").post("/api/admin/dead-letters/audit-trail/retry", ""), 200)
                .json();
        assertThat(retried.get("sequencesRetried").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(retried.get("stillParked").asLong()).isZero();
        historyOf(poisoned, 2);
        assertThat(verification(poisoned).get("valid").asBoolean()).isTrue();
    }
}

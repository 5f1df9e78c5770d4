package io.holdfast.app.http;

import static io.holdfast.app.http.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** The ledger rebuilt by a replay of the audit trail is the same byte for byte, and its checkpoints stay verifiable. */
@TestPropertySource(
        properties = {
            "holdfast.test.mode=ledger-replay",
            "holdfast.ledger.append-interval=100ms",
            "holdfast.ledger.checkpoint-interval=1h"
        })
// a Holdfast of its own, closed after the class: the test JVM's heap is bounded
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LedgerReplayTest extends HttpApiSupport {

    private static final HexFormat HEX = HexFormat.of();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReplayRebuildsTheSameLedgerAndItsCheckpointsStillVerify() throws Exception {
        for (int i = 0; i < 3; i++) {
            String caseId = newCaseId();
            api.frozenCase(caseId);
            awaitLedgered(caseId, 4);
        }
        JsonNode checkpoint = checkpointNow();
        List<Map<String, Object>> leaves = jdbc.queryForList("select * from ledger_leaf order by ledger_index");
        List<Map<String, Object>> subtrees =
                jdbc.queryForList("select * from ledger_subtree order by level, node_index");

        replayTheAuditTrail();
        awaitSize(leaves.size());

        assertThat(jdbc.queryForList("select * from ledger_leaf order by ledger_index"))
                .isEqualTo(leaves);
        assertThat(jdbc.queryForList("select * from ledger_subtree order by level, node_index"))
                .isEqualTo(subtrees);
        JsonNode verification = expect(api.as("auditor").get("/api/audit/ledger/verification"), 200)
                .json();
        assertThat(verification.get("valid").asBoolean())
                .as(verification.toString())
                .isTrue();
        assertThat(verification.get("checkpointTreeSize").asLong())
                .isEqualTo(checkpoint.get("treeSize").asLong());
    }

    private void replayTheAuditTrail() throws InterruptedException {
        expect(api.as("admin").post("/api/admin/replays/audit-trail", ""), 202);
        for (int i = 0; i < 400; i++) {
            JsonNode status = expect(api.as("admin").get("/api/admin/replays/audit-trail"), 200)
                    .json();
            if (status.get("state").asText().equals("LIVE")
                    && status.get("position").asLong() >= status.get("head").asLong()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the audit trail's replay did not end");
    }

    private long ledgerSize() {
        return jdbc.queryForObject("select count(*) from ledger_leaf", Long.class);
    }

    private void awaitSize(long size) throws InterruptedException {
        for (int i = 0; i < 200 && ledgerSize() < size; i++) {
            Thread.sleep(50);
        }
        assertThat(ledgerSize()).isEqualTo(size);
    }

    private void awaitLedgered(String caseId, int count) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Long ledgered =
                    jdbc.queryForObject("select count(*) from ledger_leaf where case_id = ?", Long.class, caseId);
            if (ledgered != null && ledgered >= count) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the ledger did not take the entries of " + caseId);
    }

    private JsonNode checkpointNow() {
        var answer = api.as("auditor").post("/api/audit/ledger/checkpoints", "");
        assertThat(answer.status()).as(answer.toString()).isIn(200, 201);
        return answer.json();
    }
}

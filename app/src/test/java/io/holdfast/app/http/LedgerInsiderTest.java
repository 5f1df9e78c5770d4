package io.holdfast.app.http;

import static io.holdfast.app.http.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.app.HoldfastApplication;
import io.holdfast.ledger.MerkleTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An insider who can write the database erases a case: deletes its events with the append-only
 * trigger dropped, and has the audit trail rebuilt, so every per-case chain verifies again. The
 * ledger's verification reports it, and no consistency proof joins a checkpoint taken after to one
 * taken before.
 */
class LedgerInsiderTest {

    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dataDir;

    @Test
    void aCaseErasedFromTheDatabaseIsFoundOut() throws Exception {
        String erased = "CASE-" + UUID.randomUUID();
        JsonNode before;
        try (ConfigurableApplicationContext holdfast = start()) {
            Api api = api(holdfast);
            api.frozenCase("CASE-" + UUID.randomUUID());
            api.frozenCase(erased);
            awaitLedgered(holdfast, 8);
            before = checkpoint(api);
        }

        try (ConfigurableApplicationContext holdfast = start()) {
            JdbcTemplate jdbc = holdfast.getBean(JdbcTemplate.class);
            jdbc.execute("drop trigger domain_event_entry_append_only");
            jdbc.update("delete from domain_event_entry where aggregate_identifier = ?", erased);
            jdbc.execute("create trigger domain_event_entry_append_only before update, delete on domain_event_entry "
                    + "for each row call \"io.holdfast.app.storage.EventStoreAppendOnly\"");
            // before the audit trail is rebuilt, the ledger still holds the case the store no longer does
            JsonNode verification = expect(api(holdfast).as("auditor").get("/api/audit/ledger/verification"), 200)
                    .json();
            assertThat(verification.get("valid").asBoolean()).isFalse();
            assertThat(verification.get("firstDifference").asText())
                    .contains("the event store no longer holds the 4 events of case " + erased);
        }

        try (ConfigurableApplicationContext holdfast = start()) {
            Api api = api(holdfast);
            JdbcTemplate jdbc = holdfast.getBean(JdbcTemplate.class);
            expect(api.as("admin").post("/api/admin/replays/audit-trail", ""), 202);
            // rebuilt without the case, and grown past the checkpoint's size again
            long sizeBefore = before.get("treeSize").asLong();
            for (int i = 0; i < 3; i++) {
                api.frozenCase("CASE-" + UUID.randomUUID());
            }
            awaitLedgered(holdfast, sizeBefore + 8);
            assertThat(jdbc.queryForObject("select count(*) from ledger_leaf where case_id = ?", Long.class, erased))
                    .isZero();
            JsonNode caseVerification = expect(
                            api.as("auditor")
                                    .get("/api/cases/" + firstOtherCase(jdbc, erased) + "/history/verification"),
                            200)
                    .json();
            assertThat(caseVerification.get("valid").asBoolean())
                    .as("every remaining chain verifies")
                    .isTrue();

            JsonNode verification = expect(api.as("auditor").get("/api/audit/ledger/verification"), 200)
                    .json();
            assertThat(verification.get("valid").asBoolean()).isFalse();
            assertThat(verification.get("firstDifference").asText())
                    .contains("no longer have the root the latest checkpoint signed");

            JsonNode after = checkpoint(api);
            long to = after.get("treeSize").asLong();
            JsonNode proof = expect(
                            api.as("auditor")
                                    .get("/api/audit/ledger/proofs/consistency?from=" + sizeBefore + "&to=" + to),
                            200)
                    .json();
            List<byte[]> path = new ArrayList<>();
            proof.get("proof").forEach(hex -> path.add(HEX.parseHex(hex.asText())));
            assertThat(MerkleTree.verifyConsistency(
                            sizeBefore,
                            to,
                            HEX.parseHex(before.get("rootHash").asText()),
                            HEX.parseHex(after.get("rootHash").asText()),
                            path))
                    .isFalse();
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(HoldfastApplication.class)
                .run(
                        "--holdfast.data-dir=" + dataDir,
                        "--server.port=0",
                        "--holdfast.ledger.append-interval=100ms",
                        "--holdfast.ledger.checkpoint-interval=1h",
                        // the erased events leave gaps in the global index: entries above them wait this long
                        "--holdfast.ledger.settle-after=2s");
    }

    private static Api api(ConfigurableApplicationContext holdfast) {
        return new Api(((WebServerApplicationContext) holdfast).getWebServer().getPort());
    }

    private static JsonNode checkpoint(Api api) {
        var answer = api.as("auditor").post("/api/audit/ledger/checkpoints", "");
        assertThat(answer.status()).as(answer.toString()).isIn(200, 201);
        return answer.json();
    }

    private static String firstOtherCase(JdbcTemplate jdbc, String erased) {
        return jdbc.queryForObject(
                "select case_id from audit_entry where case_id <> ? order by global_index limit 1",
                String.class,
                erased);
    }

    private static void awaitLedgered(ConfigurableApplicationContext holdfast, long leaves)
            throws InterruptedException {
        JdbcTemplate jdbc = holdfast.getBean(JdbcTemplate.class);
        for (int i = 0; i < 400; i++) {
            if (jdbc.queryForObject("select count(*) from ledger_leaf", Long.class) >= leaves) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the ledger did not reach " + leaves + " leaves");
    }
}

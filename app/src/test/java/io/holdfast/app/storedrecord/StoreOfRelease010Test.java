package io.holdfast.app.storedrecord;

import static io.holdfast.app.http.Api.expect;
import static io.holdfast.app.http.Api.noteBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.app.HoldfastApplication;
import io.holdfast.app.http.Api;
import io.holdfast.kernel.sanctions.SanctionsListId;
import io.holdfast.kernel.sanctions.SanctionsListVersionImported;
import java.nio.file.Path;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A store written by Holdfast 0.1.0 (kept as rows under test resources, written by
 * {@link WriteStoreOfThisRelease}) opens in this Holdfast: every projection is built from its
 * events, its cases load (from their snapshot and events) and take new commands, a case is rebuilt
 * as it stood before, and every audit chain verifies. On the embedded default here; each database
 * runs the same checks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class StoreOfRelease010Test {

    static final Path STORE = Path.of("src/test/resources/stores/holdfast-0.1.0.jsonl");

    @TempDir
    static Path dataDir;

    protected ConfigurableApplicationContext holdfast;
    protected Api api;

    @BeforeAll
    void openTheStore() throws Exception {
        // a first start creates the schema; the rows of 0.1.0 go in while Holdfast is stopped
        try (ConfigurableApplicationContext schema = start()) {
            loadStoreOfRelease010(schema.getBean(JdbcTemplate.class));
        }
        holdfast = start();
        api = new Api(((WebServerApplicationContext) holdfast).getWebServer().getPort());
    }

    @AfterAll
    void stop() {
        holdfast.close();
    }

    /** Loads the rows of 0.1.0's store into the database of a Holdfast that has been stopped. */
    public static void loadStoreOfRelease010(JdbcTemplate jdbc) throws java.io.IOException {
        StoreRows.load(jdbc, STORE);
    }

    /** Starts Holdfast on the store, letting a read wait up to 20 s for a version. */
    protected ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(HoldfastApplication.class)
                .run("--holdfast.data-dir=" + dataDir, "--server.port=0", "--holdfast.reads.min-version-wait=20s");
    }

    /** A call as one of the demo users; a database profile signs the same user in with a token. */
    protected Api.Call as(String user) {
        return api.as(user);
    }

    @Test
    void everyCaseIsProjectedFromTheStoredEvents() {
        assertThat(caseAtVersion("CASE-STORED-1", 13).get("status").asText()).isEqualTo("FROZEN");
        assertThat(caseAtVersion("CASE-STORED-2", 5).get("status").asText()).isEqualTo("FROZEN");
        assertThat(caseAtVersion("CASE-STORED-3", 1).get("status").asText()).isEqualTo("DISMISSED");

        JsonNode screened = expect(as("auditor").get("/api/cases?accountId=ACC-STORED-ETH"), 200)
                .json();
        assertThat(screened.get("items")).hasSize(1);
        JsonNode screeningCase =
                caseAtVersion(screened.get("items").get(0).get("caseId").asText(), 1);
        assertThat(screeningCase.get("sanctionsMatch").get("listVersion").asLong())
                .isEqualTo(1);

        JsonNode lists = expect(as("auditor").get("/api/sanctions/lists"), 200).json();
        assertThat(lists.get("lists").get(0).get("versions")).hasSize(1);

        // the one event upcast in content: 0.1.0's version import gains the parts it was read from
        SanctionsListVersionImported imported = holdfast.getBean(EventStore.class)
                .readEvents(SanctionsListId.OFAC_SDN.toString())
                .asStream()
                .map(DomainEventMessage::getPayload)
                .filter(SanctionsListVersionImported.class::isInstance)
                .map(SanctionsListVersionImported.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(imported.publication().parts()).containsExactly("sdn.xml");
    }

    @Test
    void everyAuditChainOfTheStoreVerifies() throws InterruptedException {
        for (String caseId : List.of("CASE-STORED-1", "CASE-STORED-2", "CASE-STORED-3")) {
            JsonNode verification = null;
            for (int i = 0; i < 200; i++) {
                verification = as("auditor")
                        .get("/api/cases/" + caseId + "/history/verification")
                        .json();
                if (verification.path("valid").asBoolean()) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(verification.path("valid").asBoolean())
                    .as(caseId + ": " + verification)
                    .isTrue();
        }
    }

    /**
     * The trail records each event under the name the event store holds it by: 0.1.0 stored the Java
     * class name, and a replay rebuilds every entry, hash for hash, from the events alone.
     */
    @Test
    void theTrailRecordsTheStoredNamesAndAReplayRebuildsTheSameHashes() throws InterruptedException {
        JsonNode before = expect(as("auditor").get("/api/cases/CASE-STORED-1/history?minVersion=13"), 200)
                .json()
                .path("entries");
        assertThat(before.get(0).path("payloadType").asText())
                .as("as 0.1.0 stored it")
                .isEqualTo("io.holdfast.kernel.freezecase.AccountFlagged");

        expect(as("admin").post("/api/admin/replays/audit-trail", ""), 202);
        for (int i = 0; i < 400; i++) {
            JsonNode status = expect(as("admin").get("/api/admin/replays/audit-trail"), 200)
                    .json();
            if (status.get("state").asText().equals("LIVE")
                    && status.get("position").asLong() >= status.get("head").asLong()) {
                break;
            }
            Thread.sleep(50);
        }
        JsonNode after = expect(as("auditor").get("/api/cases/CASE-STORED-1/history?minVersion=13"), 200)
                .json()
                .path("entries");
        assertThat(after.size()).isEqualTo(before.size());
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).path("hash").asText())
                    .as("entry " + i + " rebuilt")
                    .isEqualTo(before.get(i).path("hash").asText());
            assertThat(after.get(i).path("payloadType").asText())
                    .isEqualTo(before.get(i).path("payloadType").asText());
        }
    }

    @Test
    void snapshotsOfAnotherFormArePassedOverAndTheCaseIsReplayed() {
        // 0.1.0 stored snapshots of CASE-STORED-1 and -2; a case is no longer stored in that form
        EventStorageEngine storage = holdfast.getBean(EventStorageEngine.class);
        assertThat(storage.readSnapshot("CASE-STORED-1")).isEmpty();
        assertThat(storage.readSnapshot("CASE-STORED-2")).isEmpty();
        assertThat(holdfast.getBean(JdbcTemplate.class)
                        .queryForObject("select count(*) from snapshot_event_entry", Integer.class))
                .isPositive();
    }

    @Test
    void aStoredCaseTakesNewCommands() {
        long version = caseAtVersion("CASE-STORED-1", 13).get("version").asLong();

        expect(as("officer").post("/api/cases/CASE-STORED-1/notes", noteBody("written after the upgrade")), 201);
        expect(as("supervisor").post("/api/cases/CASE-STORED-1/releases", """
                {"holdings": [{"asset": "BTC", "amount": "1.5"}], "reason": "ORDER_LIFTED", "authorityReference": "UPGRADE-1"}"""), 201);

        assertThat(caseAtVersion("CASE-STORED-1", version + 2).get("version").asLong())
                .isEqualTo(version + 2);
    }

    @Test
    void aStoredCaseIsRebuiltAsItStoodBefore() {
        JsonNode history = expect(as("auditor").get("/api/cases/CASE-STORED-1/history?minVersion=13"), 200)
                .json();
        String flaggedAt = history.get("entries").get(0).get("occurredAt").asText();

        JsonNode asFlagged = expect(as("auditor").get("/api/cases/CASE-STORED-1?asOf=" + flaggedAt), 200)
                .json();
        assertThat(asFlagged.get("status").asText()).isEqualTo("FLAGGED");
    }

    private JsonNode caseAtVersion(String caseId, long version) {
        return expect(as("auditor").get("/api/cases/" + caseId + "?minVersion=" + version), 200)
                .json();
    }
}

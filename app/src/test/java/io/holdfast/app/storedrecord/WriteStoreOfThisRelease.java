package io.holdfast.app.storedrecord;

import static io.holdfast.app.http.Api.expect;
import static io.holdfast.app.http.Api.flagBody;
import static io.holdfast.app.http.Api.freezeRequestBody;
import static io.holdfast.app.http.Api.noteBody;

import io.holdfast.app.HoldfastApplication;
import io.holdfast.app.http.Api;
import io.holdfast.command.sanctions.ofac.OfacFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Writes the store of this release for {@link StoreOfRelease010Test}: Holdfast, as built, runs
 * cases through its API until every kind of stored event, a snapshot and pending deadlines exist,
 * and the event store's tables are written as rows. Not part of the build; run it only to keep the
 * store of a release (the file names the release):
 * {@code mvn -B verify -pl app -am -Dtest=WriteStoreOfThisRelease -Dsurefire.failIfNoSpecifiedTests=false -Dholdfast.write-store=src/test/resources/stores/holdfast-0.1.0.jsonl}
 */
@EnabledIfSystemProperty(named = "holdfast.write-store", matches = ".+")
@SpringBootTest(classes = HoldfastApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WriteStoreOfThisRelease {

    static final List<String> TABLES = List.of("domain_event_entry", "snapshot_event_entry", "scheduled_tasks");

    private static final Path DATA_DIR = temporaryDirectory();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("holdfast.data-dir", DATA_DIR::toString);
        registry.add("holdfast.snapshot.threshold", () -> "4");
        registry.add("db-scheduler.polling-interval", () -> "200ms");
    }

    @Test
    void writeTheStore() throws Exception {
        Api api = new Api(port);
        // CASE-STORED-1: flagged on a sanctions match, a blocking order and a seizure warrant, frozen, partly
        // released, a freeze request rejected, the warrant extended, the blocking report filed, a note
        expect(api.as("officer").post("/api/cases", flagBody("CASE-STORED-1")), 201);
        expect(
                api.as("officer")
                        .post(
                                "/api/cases/CASE-STORED-1/warrants",
                                warrant("W-1", "SEIZURE_WARRANT", Instant.now().plus(200, ChronoUnit.DAYS))),
                201);
        expect(
                api.as("officer")
                        .post(
                                "/api/cases/CASE-STORED-1/warrants",
                                warrant(
                                        "W-2",
                                        "SANCTIONS_BLOCKING",
                                        Instant.now().plus(300, ChronoUnit.DAYS))),
                201);
        expect(
                api.as("officer").post("/api/cases/CASE-STORED-1/freeze-requests", freezeRequestBody("R-1", "W-1")),
                201);
        expect(
                api.as("supervisor")
                        .post("/api/cases/CASE-STORED-1/freeze-requests/R-1/approval", "{\"comment\": \"checked\"}"),
                200);
        expect(api.as("officer").post("/api/cases/CASE-STORED-1/freeze-requests", """
                {"requestId": "R-2", "warrantId": "W-2", "holdings": [{"asset": "USDT", "amount": "10"}]}"""), 201);
        expect(api.as("supervisor").post("/api/cases/CASE-STORED-1/freeze-requests/R-2/approval", "{}"), 200);
        expect(api.as("officer").post("/api/cases/CASE-STORED-1/freeze-requests", """
                {"requestId": "R-3", "warrantId": "W-1", "holdings": [{"asset": "BTC", "amount": "1"}]}"""), 201);
        expect(
                api.as("supervisor")
                        .post(
                                "/api/cases/CASE-STORED-1/freeze-requests/R-3/rejection",
                                "{\"reason\": \"already frozen under R-1\"}"),
                200);
        expect(api.as("supervisor").post("/api/cases/CASE-STORED-1/releases", """
                {"holdings": [{"asset": "BTC", "amount": "10"}], "reason": "ORDER_LIFTED", "authorityReference": "23-SW-0412-A"}"""), 201);
        expect(
                api.as("supervisor").post("/api/cases/CASE-STORED-1/warrants/W-1/extension", """
                {"newExpiresAt": "%s", "authorityReference": "23-SW-0412-EXT", "documentSha256": "%s"}
                """.formatted(
                                Instant.now().plus(400, ChronoUnit.DAYS), "d".repeat(64))),
                200);
        expect(
                api.as("officer")
                        .post(
                                "/api/cases/CASE-STORED-1/obligations/R-2/report",
                                "{\"reportReference\": \"OFAC-BR-2026-0001\", \"filedAt\": \"%s\"}"
                                        .formatted(Instant.now())),
                201);
        expect(api.as("officer").post("/api/cases/CASE-STORED-1/notes", noteBody("kept for the stored record")), 201);

        // CASE-STORED-2: a law-enforcement request of the FBI, its warrant expiring at once, part turned over
        expect(api.as("liaison-fbi").post("/api/cases", Api.lawEnforcementFlagBody("CASE-STORED-2", "FBI")), 201);
        expect(
                api.as("liaison-fbi")
                        .post(
                                "/api/cases/CASE-STORED-2/warrants",
                                warrant("W-1", "FREEZE_ORDER", Instant.now().plusSeconds(3))),
                201);
        expect(api.as("officer").post("/api/cases/CASE-STORED-2/freeze-requests", """
                {"requestId": "R-1", "warrantId": "W-1", "holdings": [{"asset": "USDT", "amount": "2500.5"}]}"""), 201);
        expect(api.as("supervisor").post("/api/cases/CASE-STORED-2/freeze-requests/R-1/approval", "{}"), 200);
        expect(api.as("supervisor").post("/api/cases/CASE-STORED-2/turnovers", """
                {"holdings": [{"asset": "USDT", "amount": "1000"}], "destination": "FBI seizure wallet 0x9f1c",
                 "authorityReference": "FBI-TO-7"}"""), 201);

        // CASE-STORED-3: dismissed
        expect(api.as("officer").post("/api/cases", flagBody("CASE-STORED-3")), 201);
        expect(api.as("officer").post("/api/cases/CASE-STORED-3/dismissal", "{\"reason\": \"false positive\"}"), 200);

        // a sanctions list and screening: an account holding a designated address is flagged by Holdfast itself
        expect(api.as("officer").put("/api/accounts/ACC-STORED-ETH/addresses", """
                {"holderName": "Han Min-ji", "addresses": [{"currency": "ETH", "address": "0x52908400098527886e0f7030069857d2e4169ee7"}]}"""), 200);
        expect(
                api.as("officer")
                        .header("Content-Type", "application/xml")
                        .post("/api/sanctions/lists", OfacFiles.bytes(OfacFiles.XML_V1)),
                201);

        try {
            waitUntil(
                    "the screening case and the expired warrant are recorded",
                    () -> count(
                                            "select count(*) from domain_event_entry where payload_type like '%SanctionsMatchRecorded'")
                                    > 0
                            && count(
                                            "select count(*) from domain_event_entry where payload_type like '%WarrantExpired'")
                                    > 0);
        } catch (AssertionError notYet) {
            throw new AssertionError(
                    notYet.getMessage() + "; stored: "
                            + jdbc.queryForList(
                                    "select payload_type, count(*) from domain_event_entry group by payload_type"),
                    notYet);
        }

        StoreRows.write(jdbc, TABLES, Path.of(System.getProperty("holdfast.write-store")));
    }

    private static String warrant(String warrantId, String orderType, Instant expiresAt) {
        return """
                {"warrantId": "%s", "orderType": "%s", "issuingAuthority": "U.S. District Court for the District of Columbia",
                 "requestingAgency": "FBI", "jurisdiction": "US-DC", "referenceNumber": "23-SW-0412",
                 "issuedAt": "%s", "expiresAt": "%s",
                 "scope": [{"asset": "USDT", "maxAmount": "3100000"}, {"asset": "BTC"}], "documentSha256": "%s"}
                """.formatted(
                        warrantId,
                        orderType,
                        Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS),
                        expiresAt.truncatedTo(ChronoUnit.SECONDS),
                        Api.HASH_B);
    }

    private long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    private static void waitUntil(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not seen: " + what);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("holdfast-store-of-release");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.holdfast.app.http;

import static io.holdfast.app.http.Api.expect;
import static io.holdfast.app.http.Api.noteBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.ledger.BundleVerifier;
import io.holdfast.ledger.Checkpoint;
import io.holdfast.ledger.LedgerKey;
import io.holdfast.ledger.MerkleTree;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The ledger over HTTP: every audit entry a leaf, checkpoints signed on request, inclusion and
 * consistency proofs that verify against them with the published key, evidence bundles the offline
 * verifier accepts, and every parameter out of range a problem naming it.
 */
@TestPropertySource(
        properties = {
            "holdfast.test.mode=ledger",
            "holdfast.ledger.append-interval=100ms",
            "holdfast.ledger.checkpoint-interval=1h"
        })
// a Holdfast of its own, closed after the class: the test JVM's heap is bounded
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LedgerHttpTest extends HttpApiSupport {

    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path folder;

    @Test
    void everyEntryOfACaseIsALeafWhoseProofLeadsToASignedCheckpoint() throws Exception {
        String caseId = newCaseId();
        api.frozenCase(caseId);
        JsonNode entries = ledgered(caseId, 4);

        JsonNode key = expect(api.as("liaison-fbi").get("/api/audit/ledger/public-key"), 200)
                .json();
        LedgerKey verifying = LedgerKey.fromVerifierKey(key.get("verifierKey").asText());
        assertThat(key.get("publicKeyPem").asText()).startsWith("-----BEGIN PUBLIC KEY-----");

        JsonNode checkpoint = checkpointNow();
        Checkpoint signed = Checkpoint.verified(checkpoint.get("note").asText(), verifying);
        assertThat(signed.treeSize()).isEqualTo(checkpoint.get("treeSize").asLong());
        assertThat(signed.rootHex()).isEqualTo(checkpoint.get("rootHash").asText());
        assertThat(expect(api.as("officer").get("/api/audit/ledger/checkpoints/latest"), 200)
                        .json()
                        .get("note")
                        .asText())
                .isEqualTo(checkpoint.get("note").asText());

        long treeSize = signed.treeSize();
        for (JsonNode entry : entries) {
            long index = entry.get("ledgerIndex").asLong();
            JsonNode proof = expect(
                            api.as("liaison-fbi")
                                    .get("/api/audit/ledger/proofs/inclusion?ledgerIndex=" + index + "&treeSize="
                                            + treeSize),
                            200)
                    .json();
            byte[] leaf = MerkleTree.leafHash(HEX.parseHex(entry.get("hash").asText()));
            assertThat(proof.get("leafHash").asText()).isEqualTo(HEX.formatHex(leaf));
            assertThat(MerkleTree.verifyInclusion(
                            index, treeSize, leaf, hashes(proof.get("auditPath")), signed.rootHash()))
                    .as("entry %s", entry.get("sequence"))
                    .isTrue();
        }
    }

    @Test
    void aLaterCheckpointIsProvedAnExtensionOfAnEarlierOne() throws Exception {
        String caseId = newCaseId();
        api.frozenCase(caseId);
        ledgered(caseId, 4);
        JsonNode earlier = checkpointNow();

        expect(api.as("officer").post("/api/cases/" + caseId + "/notes", noteBody("one more")), 201);
        ledgered(caseId, 5);
        var grown = api.as("auditor").post("/api/audit/ledger/checkpoints", "");
        assertThat(grown.status()).as(grown.toString()).isEqualTo(201);
        JsonNode later = grown.json();
        var again = api.as("admin").post("/api/audit/ledger/checkpoints", "");
        assertThat(again.status())
                .as("the tree has not grown: the latest again")
                .isEqualTo(200);
        assertThat(again.json().get("note").asText())
                .isEqualTo(later.get("note").asText());

        long from = earlier.get("treeSize").asLong();
        long to = later.get("treeSize").asLong();
        JsonNode proof = expect(
                        api.as("officer").get("/api/audit/ledger/proofs/consistency?from=" + from + "&to=" + to), 200)
                .json();
        assertThat(MerkleTree.verifyConsistency(
                        from,
                        to,
                        HEX.parseHex(earlier.get("rootHash").asText()),
                        HEX.parseHex(later.get("rootHash").asText()),
                        hashes(proof.get("proof"))))
                .isTrue();

        JsonNode listed = expect(api.as("auditor").get("/api/audit/ledger/checkpoints?size=2"), 200)
                .json();
        assertThat(listed.get("items").get(0).get("note").asText())
                .isEqualTo(later.get("note").asText());
        assertThat(listed.get("total").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anEvidenceBundleVerifiesOfflineAndATamperedOneDoesNot() throws Exception {
        String caseId = newCaseId();
        api.fbiCaseFrozenWithAPendingRequest(caseId);
        ledgered(caseId, 5);
        JsonNode key = expect(api.as("auditor").get("/api/audit/ledger/public-key"), 200)
                .json();
        Path pem = Files.writeString(
                folder.resolve("ledger.pem"), key.get("publicKeyPem").asText());
        JsonNode earlier = checkpointNow();
        Path earlierNote = Files.writeString(
                folder.resolve("earlier.note"), earlier.get("note").asText());
        expect(api.as("officer").post("/api/cases/" + caseId + "/notes", noteBody("after the checkpoint")), 201);
        ledgered(caseId, 6);

        String bundle = expect(
                        api.as("liaison-fbi")
                                .get("/api/cases/" + caseId + "/evidence-bundle?since="
                                        + earlier.get("treeSize").asLong()),
                        200)
                .body();
        JsonNode read = api.as("auditor")
                .get("/api/cases/" + caseId + "/evidence-bundle")
                .json();
        assertThat(read.get("case").get("caseId").asText()).isEqualTo(caseId);
        assertThat(read.get("entries")).hasSize(6);
        assertThat(read.get("inclusionProofs")).hasSize(6);
        assertThat(read.get("entriesNotYetInLedger").asInt()).isZero();

        Path file = Files.writeString(folder.resolve("bundle.json"), bundle);
        assertThat(verify(file, pem, earlierNote)).startsWith("VERIFIED: 6 entries of case " + caseId);

        Path tampered =
                Files.writeString(folder.resolve("tampered.json"), bundle.replace("\"officer2\"", "\"officer3\""));
        assertThat(bundle).contains("\"officer2\"");
        assertThat(verify(tampered, pem, null)).contains("FAILED: entry 2: its content does not match its hash");

        LedgerKey stranger = LedgerKey.generate(key.get("keyName").asText());
        Path strangersKey = Files.writeString(
                folder.resolve("stranger.pem"),
                LedgerKey.readPublic(stranger.keyName(), stranger.publicKeyPem())
                        .publicKeyPem());
        assertThat(verify(file, strangersKey, null)).contains("FAILED: the checkpoint: no signature");
    }

    @Test
    void anotherAgencysLiaisonFindsNoBundle() {
        String caseId = newCaseId();
        api.fbiCaseFrozenWithAPendingRequest(caseId);
        expect(api.as("liaison-hsi").get("/api/cases/" + caseId + "/evidence-bundle"), 404);
        expect(api.as("liaison-fbi").get("/api/cases/" + caseId + "/evidence-bundle"), 200);
    }

    @Test
    void theLedgerVerifiesAndOnlyAuditorsAndAdministratorsAskForThatOrSign() {
        String caseId = newCaseId();
        api.frozenCase(caseId);
        ledgered(caseId, 4);
        checkpointNow();
        JsonNode verification = expect(api.as("auditor").get("/api/audit/ledger/verification"), 200)
                .json();
        assertThat(verification.get("valid").asBoolean())
                .as(verification.toString())
                .isTrue();
        assertThat(verification.has("firstDifference")
                        && verification.get("firstDifference").isNull())
                .as("a valid ledger answers firstDifference: null")
                .isTrue();
        expect(api.as("admin").get("/api/audit/ledger/verification"), 200);
        expect(api.as("officer").get("/api/audit/ledger/verification"), 403);
        expect(api.as("officer").post("/api/audit/ledger/checkpoints", ""), 403);
        expect(api.as("liaison-fbi").post("/api/audit/ledger/checkpoints", ""), 403);
    }

    @Test
    void aParameterOutOfRangeIsAProblemNamingIt() {
        String caseId = newCaseId();
        api.frozenCase(caseId);
        ledgered(caseId, 4);
        long size = checkpointNow().get("treeSize").asLong();

        assertNamed(api.as("auditor").get("/api/audit/ledger/proofs/inclusion?treeSize=" + size), "ledgerIndex");
        assertNamed(
                api.as("auditor").get("/api/audit/ledger/proofs/inclusion?ledgerIndex=" + size + "&treeSize=" + size),
                "ledgerIndex");
        assertNamed(
                api.as("auditor").get("/api/audit/ledger/proofs/inclusion?ledgerIndex=0&treeSize=" + (size + 1000)),
                "treeSize");
        assertNamed(
                api.as("auditor").get("/api/audit/ledger/proofs/inclusion?ledgerIndex=x&treeSize=1"), "ledgerIndex");
        assertNamed(api.as("auditor").get("/api/audit/ledger/proofs/consistency?from=0&to=" + size), "from");
        assertNamed(api.as("auditor").get("/api/audit/ledger/proofs/consistency?from=1&to=" + (size + 1000)), "to");
        assertNamed(api.as("auditor").get("/api/cases/" + caseId + "/evidence-bundle?since=0"), "since");
        assertNamed(api.as("auditor").get("/api/audit/ledger/checkpoints?size=0"), "size");
    }

    @Test
    void historyAndExportShowEachEntrysLedgerIndex() {
        String caseId = newCaseId();
        api.frozenCase(caseId);
        JsonNode entries = ledgered(caseId, 4);
        long first = entries.get(0).get("ledgerIndex").asLong();
        assertThat(entries.get(3).get("ledgerIndex").asLong()).isGreaterThan(first);
        String csv = api.as("auditor")
                .header("Accept", "text/csv")
                .get("/api/audit/events")
                .body();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",hash,ledgerIndex");
        assertThat(csv).contains("," + first + "\r\n");
    }

    private static void assertNamed(Api.Response response, String parameter) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body()).contains("\"" + parameter + "\"");
    }

    private JsonNode checkpointNow() {
        var answer = api.as("auditor").post("/api/audit/ledger/checkpoints", "");
        assertThat(answer.status()).as(answer.toString()).isIn(200, 201);
        return answer.json();
    }

    /** The case's history once its first {@code count} entries are all in the ledger. */
    private JsonNode ledgered(String caseId, int count) {
        JsonNode entries = null;
        for (int i = 0; i < 200; i++) {
            entries = api.as("auditor")
                    .get("/api/cases/" + caseId + "/history")
                    .json()
                    .path("entries");
            if (entries.size() >= count && entries.get(count - 1).hasNonNull("ledgerIndex")) {
                return entries;
            }
            sleep();
        }
        throw new AssertionError("the ledger did not take the entries of " + caseId + ": " + entries);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String verify(Path bundle, Path key, Path earlier) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("verify-bundle", bundle.toString(), "--key", key.toString()));
        if (earlier != null) {
            args.addAll(List.of("--checkpoint", earlier.toString()));
        }
        int exit =
                new BundleVerifier(new PrintStream(out, true, StandardCharsets.UTF_8)).run(args.toArray(String[]::new));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(printed.startsWith("VERIFIED") ? 0 : 1);
        return printed;
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hex -> hashes.add(HEX.parseHex(hex.asText())));
        return hashes;
    }
}

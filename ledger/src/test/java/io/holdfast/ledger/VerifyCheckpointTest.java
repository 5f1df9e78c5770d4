package io.holdfast.ledger;

import static org.assertj.core.api.Assertions.assertThat;

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

/** An auditor's daily check: the new checkpoint is signed by the ledger's key and extends the one kept. */
class VerifyCheckpointTest {

    @TempDir
    Path folder;

    private final LedgerKey key = LedgerKey.generate("holdfast");

    @Test
    void aCheckpointThatExtendsTheOneKeptVerifiesAndARewrittenOneDoesNot() throws Exception {
        List<byte[]> leaves = leaves(9, "entry");
        Path kept = note("kept.note", 5, leaves);
        Path latest = note("new.note", 9, leaves);
        Path proof = proof(5, 9, leaves);
        Path pem = Files.writeString(folder.resolve("ledger.pem"), key.publicKeyPem());

        assertThat(run(latest, pem, kept, proof)).startsWith("VERIFIED: the ledger of 9 leaves extends the one kept");

        List<byte[]> rewritten = new ArrayList<>(leaves);
        rewritten.set(2, MerkleTree.leafHash("another entry".getBytes(StandardCharsets.UTF_8)));
        Path rewrittenNote = note("rewritten.note", 9, rewritten);
        Path rewrittenProof = proof(5, 9, rewritten);
        assertThat(run(rewrittenNote, pem, kept, rewrittenProof))
                .contains("FAILED: the ledger of the earlier checkpoint is not a prefix");

        Path verifierKey = Files.writeString(folder.resolve("verifier.key"), key.verifierKey());
        assertThat(run(latest, verifierKey, kept, proof)).startsWith("VERIFIED");
        Path strangers = Files.writeString(
                folder.resolve("stranger.pem"), LedgerKey.generate("holdfast").publicKeyPem());
        assertThat(run(latest, strangers, kept, proof)).startsWith("FAILED: the new checkpoint");
    }

    /** The kept checkpoint signed by the old key, the new one by the key it rotated to: the chain links them. */
    @Test
    void aCheckpointOfTheKeyRotatedToVerifiesFromTheOldKeyByTheChainOfKeys() throws Exception {
        List<byte[]> leaves = leaves(9, "entry");
        Path kept = note("kept.note", 5, leaves);
        LedgerKey next = LedgerKey.generate("holdfast");
        Checkpoint rotation = Checkpoint.signRotation("holdfast", 5, MerkleTree.root(5, subtrees(leaves)), key, next);
        Path latest = Files.writeString(
                folder.resolve("after.note"),
                Checkpoint.sign("holdfast", 9, MerkleTree.root(9, subtrees(leaves)), next)
                        .note());
        Path proof = proof(5, 9, leaves);
        Path pem = Files.writeString(folder.resolve("old.pem"), key.publicKeyPem());

        assertThat(Checkpoint.nextKey(rotation.note())).hasValue(next.verifierKey());
        assertThat(Checkpoint.signerIds(rotation.note())).containsExactly(key.signerId(), next.signerId());
        assertThat(run(latest, pem, kept, proof)).as("without the chain").startsWith("FAILED: the new checkpoint");
        Path keys = keysFile("keys.json", rotation.note());
        assertThat(run(latest, pem, kept, proof, "--keys", keys.toString()))
                .startsWith("VERIFIED: the ledger of 9 leaves extends the one kept");

        Checkpoint selfIntroduced =
                Checkpoint.signRotation("holdfast", 5, MerkleTree.root(5, subtrees(leaves)), null, next);
        assertThat(run(
                        latest,
                        pem,
                        kept,
                        proof,
                        "--keys",
                        keysFile("lost.json", selfIntroduced.note()).toString()))
                .contains("was introduced without the signature of the key before it");
        Checkpoint strangersNote = Checkpoint.signRotation(
                "holdfast", 5, MerkleTree.root(5, subtrees(leaves)), LedgerKey.generate("holdfast"), next);
        assertThat(run(
                        latest,
                        pem,
                        kept,
                        proof,
                        "--keys",
                        keysFile("forged.json", strangersNote.note()).toString()))
                .startsWith("FAILED");
    }

    private Path keysFile(String name, String introduction) throws Exception {
        String json = "{\"keys\":[{\"verifierKey\":\"" + key.verifierKey() + "\",\"introduction\":null},"
                + "{\"verifierKey\":\"" + Checkpoint.nextKey(introduction).orElseThrow() + "\",\"introduction\":"
                + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(introduction) + "}]}";
        return Files.writeString(folder.resolve(name), json);
    }

    private String run(Path note, Path keyFile, Path kept, Path proof, String... more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of(
                "verify-checkpoint",
                note.toString(),
                "--key",
                keyFile.toString(),
                "--checkpoint",
                kept.toString(),
                "--proof",
                proof.toString()));
        args.addAll(List.of(more));
        int exit =
                new BundleVerifier(new PrintStream(out, true, StandardCharsets.UTF_8)).run(args.toArray(String[]::new));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(printed.startsWith("VERIFIED") ? 0 : 1);
        return printed;
    }

    private Path note(String name, long size, List<byte[]> leaves) throws Exception {
        Checkpoint checkpoint = Checkpoint.sign("holdfast", size, MerkleTree.root(size, subtrees(leaves)), key);
        return Files.writeString(folder.resolve(name), checkpoint.note());
    }

    private Path proof(long from, long to, List<byte[]> leaves) throws Exception {
        StringBuilder json = new StringBuilder("{\"from\":" + from + ",\"to\":" + to + ",\"proof\":[");
        List<byte[]> proof = MerkleTree.consistencyProof(from, to, subtrees(leaves));
        for (int i = 0; i < proof.size(); i++) {
            json.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(HexFormat.of().formatHex(proof.get(i)))
                    .append('"');
        }
        return Files.writeString(
                folder.resolve("proof-" + System.nanoTime() + ".json"),
                json.append("]}").toString());
    }

    private static List<byte[]> leaves(int count, String text) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(MerkleTree.leafHash((text + " " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    /** Complete subtrees over leaf hashes, computed directly. */
    private static MerkleTree.Subtrees subtrees(List<byte[]> leaves) {
        return (level, index) -> {
            int from = (int) (index << level);
            return hash(leaves.subList(from, from + (1 << level)));
        };
    }

    private static byte[] hash(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int half = leaves.size() / 2;
        return MerkleTree.nodeHash(hash(leaves.subList(0, half)), hash(leaves.subList(half, leaves.size())));
    }
}

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

    private String run(Path note, Path keyFile, Path kept, Path proof) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new BundleVerifier(new PrintStream(out, true, StandardCharsets.UTF_8)).run(new String[] {
            "verify-checkpoint",
            note.toString(),
            "--key",
            keyFile.toString(),
            "--checkpoint",
            kept.toString(),
            "--proof",
            proof.toString()
        });
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

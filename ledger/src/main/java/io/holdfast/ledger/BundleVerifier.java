package io.holdfast.ledger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Checks a case's evidence bundle with nothing but the ledger's public key: every entry's chain
 * hash from its canonical JSON, every inclusion proof against the bundle's checkpoint, the
 * checkpoint's signature, and, given a checkpoint kept from before, that the bundle's extends it.
 * {@code verify-bundle bundle.json --key key.pem [--checkpoint earlier.note]}; and a new checkpoint
 * against one kept, {@code verify-checkpoint new.note --key key.pem --checkpoint kept.note --proof
 * consistency.json [--keys public-key.json]}. A key the ledger rotated to since is trusted when the
 * key held signed the checkpoint that introduced it (the {@code keys} of the public-key answer,
 * which a bundle holds as its {@code publicKey}). Exit 0 when all holds, 1 when anything does not, 2 when the arguments or files
 * cannot be read.
 */
public final class BundleVerifier {

    /** Numbers read as written: 49.50 stays 49.50, so the canonical form is the one that was hashed. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final PrintStream out;

    public BundleVerifier(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new BundleVerifier(System.out).run(args));
    }

    public int run(String[] args) {
        if (args.length > 0 && args[0].equals("verify-checkpoint")) {
            return runCheckpoint(args);
        }
        Path bundle = null;
        Path keyFile = null;
        Path earlier = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "verify-bundle" -> {}
                case "--key" -> keyFile = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--checkpoint" -> earlier = i + 1 < args.length ? Path.of(args[++i]) : null;
                default -> bundle = Path.of(args[i]);
            }
        }
        if (bundle == null || keyFile == null) {
            out.println("usage: verify-bundle bundle.json --key key.pem [--checkpoint earlier.note]");
            return 2;
        }
        try {
            JsonNode read = JSON.readTree(Files.readString(bundle, StandardCharsets.UTF_8));
            String earlierNote = earlier == null ? null : Files.readString(earlier, StandardCharsets.UTF_8);
            List<String> failures = verify(read, Files.readString(keyFile, StandardCharsets.US_ASCII), earlierNote);
            failures.forEach(failure -> out.println("FAILED: " + failure));
            if (failures.isEmpty()) {
                out.println("VERIFIED: " + read.path("entries").size() + " entries of case "
                        + read.path("case").path("caseId").asText() + " are in the ledger of "
                        + read.path("checkpoint").path("treeSize").asLong() + " leaves, signed by "
                        + read.path("publicKey").path("keyName").asText());
                return 0;
            }
            return 1;
        } catch (IOException | IllegalArgumentException unreadable) {
            out.println("cannot read: " + unreadable.getMessage());
            return 2;
        }
    }

    /**
     * {@code verify-checkpoint new.note --key key.pem --checkpoint kept.note --proof consistency.json}:
     * the new checkpoint is signed by the key and its ledger extends the one of the checkpoint kept,
     * by the consistency proof {@code GET /api/audit/ledger/proofs/consistency} gave.
     */
    private int runCheckpoint(String[] args) {
        Path note = null;
        Path keyFile = null;
        Path kept = null;
        Path proof = null;
        Path keysFile = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--key" -> keyFile = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--checkpoint" -> kept = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--proof" -> proof = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--keys" -> keysFile = i + 1 < args.length ? Path.of(args[++i]) : null;
                default -> note = Path.of(args[i]);
            }
        }
        if (note == null || keyFile == null || kept == null || proof == null) {
            out.println(
                    "usage: verify-checkpoint new.note --key key.pem --checkpoint kept.note --proof consistency.json"
                            + " [--keys public-key.json]");
            return 2;
        }
        try {
            String newNote = Files.readString(note, StandardCharsets.UTF_8);
            String keyName =
                    newNote.substring(newNote.indexOf("\n\n\u2014 ") + 4).split(" ")[0];
            String trusted = Files.readString(keyFile, StandardCharsets.US_ASCII);
            LedgerKey key = trusted.contains("-----BEGIN")
                    ? LedgerKey.readPublic(keyName, trusted)
                    : LedgerKey.fromVerifierKey(trusted);
            KeyChain.Followed keys = KeyChain.follow(
                    key,
                    keysFile == null
                            ? List.of()
                            : links(JSON.readTree(Files.readString(keysFile, StandardCharsets.UTF_8))
                                    .path("keys")));
            Checkpoint latest;
            try {
                latest = verifiedByAny(newNote, keys);
            } catch (Checkpoint.InvalidCheckpoint invalid) {
                out.println("FAILED: the new checkpoint: " + invalid.getMessage());
                keys.failures().forEach(failure -> out.println("FAILED: " + failure));
                return 1;
            }
            List<String> failures = new ArrayList<>();
            consistency(
                    JSON.readTree(Files.readString(proof, StandardCharsets.UTF_8)),
                    Files.readString(kept, StandardCharsets.UTF_8),
                    keys,
                    latest,
                    failures);
            failures.forEach(failure -> out.println("FAILED: " + failure));
            if (failures.isEmpty()) {
                out.println("VERIFIED: the ledger of " + latest.treeSize() + " leaves extends the one kept");
                return 0;
            }
            return 1;
        } catch (IOException | RuntimeException unreadable) {
            out.println("cannot read: " + unreadable.getMessage());
            return 2;
        }
    }

    /** Every way the bundle fails to prove itself; empty when it proves itself. */
    public static List<String> verify(JsonNode bundle, String trustedKey, String earlierNote) {
        List<String> failures = new ArrayList<>();
        LedgerKey key = trustedKey.contains("-----BEGIN")
                ? LedgerKey.readPublic(bundle.path("publicKey").path("keyName").asText(), trustedKey)
                : LedgerKey.fromVerifierKey(trustedKey);

        KeyChain.Followed keys =
                KeyChain.follow(key, links(bundle.path("publicKey").path("keys")));
        Checkpoint checkpoint;
        try {
            checkpoint = verifiedByAny(bundle.path("checkpoint").path("note").asText(), keys);
        } catch (Checkpoint.InvalidCheckpoint invalid) {
            failures.add("the checkpoint: " + invalid.getMessage());
            failures.addAll(keys.failures());
            return failures;
        }
        JsonNode stated = bundle.path("checkpoint");
        if (stated.path("treeSize").asLong() != checkpoint.treeSize()
                || !stated.path("rootHash").asText().equals(checkpoint.rootHex())) {
            failures.add("the checkpoint's tree size or root hash differs from its signed note");
        }

        Map<Long, JsonNode> proofs = new HashMap<>();
        bundle.path("inclusionProofs")
                .forEach(proof -> proofs.put(proof.path("ledgerIndex").asLong(), proof));
        String previousHash = ChainedEntry.GENESIS;
        long sequence = 0;
        for (JsonNode entry : bundle.path("entries")) {
            String where = "entry " + entry.path("sequence").asText();
            if (entry.path("sequence").asLong(-1) != sequence) {
                failures.add(where + ": expected sequence " + sequence + "; an entry is missing or out of place");
            }
            if (!previousHash.equals(entry.path("previousHash").asText())) {
                failures.add(where + ": does not chain to the entry before it");
            }
            String hash = ChainedEntry.hash(previousHash, entry);
            if (!hash.equals(entry.path("hash").asText())) {
                failures.add(where + ": its content does not match its hash");
            }
            JsonNode proof = proofs.get(entry.path("ledgerIndex").asLong(-1));
            if (proof == null || !entry.hasNonNull("ledgerIndex")) {
                failures.add(where + ": no inclusion proof for its ledger index");
            } else {
                inclusion(where, entry, proof, checkpoint, failures);
            }
            previousHash = entry.path("hash").asText();
            sequence++;
        }
        if (earlierNote != null) {
            consistency(bundle.path("consistencyProof"), earlierNote, keys, checkpoint, failures);
        }
        return failures;
    }

    private static void inclusion(
            String where, JsonNode entry, JsonNode proof, Checkpoint checkpoint, List<String> failures) {
        try {
            byte[] leaf = ChainedEntry.leafHash(entry.path("hash").asText());
            if (!HexFormat.of().formatHex(leaf).equals(proof.path("leafHash").asText())) {
                failures.add(where + ": the proof is for another leaf");
                return;
            }
            if (proof.path("treeSize").asLong() != checkpoint.treeSize()
                    || !MerkleTree.verifyInclusion(
                            entry.path("ledgerIndex").asLong(),
                            checkpoint.treeSize(),
                            leaf,
                            hashes(proof.path("auditPath")),
                            checkpoint.rootHash())) {
                failures.add(where + ": its inclusion proof does not lead to the checkpoint's root");
            }
        } catch (IllegalArgumentException malformed) {
            failures.add(where + ": its hash or proof is not hex: " + malformed.getMessage());
        }
    }

    /**
     * The note verified by the newest of the trusted keys that signed it: a checkpoint kept from
     * before a rotation was signed by an older key of the chain.
     */
    private static Checkpoint verifiedByAny(String note, KeyChain.Followed keys) {
        Checkpoint.InvalidCheckpoint last = null;
        for (int i = keys.trusted().size() - 1; i >= 0; i--) {
            try {
                return Checkpoint.verified(note, keys.trusted().get(i));
            } catch (Checkpoint.InvalidCheckpoint invalid) {
                last = last == null ? invalid : last;
            }
        }
        throw last;
    }

    /** The links of a key chain as the ledger's public-key answer and an evidence bundle give them. */
    static List<KeyChain.Link> links(JsonNode keys) {
        List<KeyChain.Link> links = new ArrayList<>();
        keys.forEach(key -> links.add(new KeyChain.Link(
                key.path("verifierKey").asText(),
                key.hasNonNull("introduction") ? key.path("introduction").asText() : null)));
        return links;
    }

    private static void consistency(
            JsonNode proof, String earlierNote, KeyChain.Followed keys, Checkpoint checkpoint, List<String> failures) {
        Checkpoint before;
        try {
            before = verifiedByAny(earlierNote, keys);
        } catch (Checkpoint.InvalidCheckpoint invalid) {
            failures.add("the earlier checkpoint: " + invalid.getMessage());
            return;
        }
        if (before.treeSize() == checkpoint.treeSize()) {
            if (!before.rootHex().equals(checkpoint.rootHex())) {
                failures.add("the earlier checkpoint has the same size and another root: the ledger was rewritten");
            }
            return;
        }
        if (proof.isMissingNode()
                || proof.path("from").asLong() != before.treeSize()
                || proof.path("to").asLong() != checkpoint.treeSize()) {
            failures.add(
                    "the bundle holds no consistency proof from " + before.treeSize() + " to " + checkpoint.treeSize());
            return;
        }
        if (!MerkleTree.verifyConsistency(
                before.treeSize(),
                checkpoint.treeSize(),
                before.rootHash(),
                checkpoint.rootHash(),
                hashes(proof.path("proof")))) {
            failures.add("the ledger of the earlier checkpoint is not a prefix of this one: the ledger was rewritten");
        }
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hex -> hashes.add(HexFormat.of().parseHex(hex.asText())));
        return hashes;
    }
}

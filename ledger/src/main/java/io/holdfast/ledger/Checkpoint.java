package io.holdfast.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A signed statement of the ledger's size and root, as a C2SP signed note (c2sp.org/signed-note)
 * with a c2sp.org/tlog-checkpoint body: {@code <origin>\n<treeSize>\n<base64 root>\n}, a blank
 * line, then {@code — <keyName> <base64(key id ‖ Ed25519 signature of the body)>\n}.
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, String note) {

    private static final String DASH = "\u2014";

    /** The extension line of a checkpoint that introduces the ledger's next key. */
    private static final String NEXT_KEY = "next-key ";

    public static Checkpoint sign(String origin, long treeSize, byte[] rootHash, LedgerKey key) {
        String body = body(origin, treeSize, rootHash);
        return new Checkpoint(origin, treeSize, rootHash.clone(), body + "\n" + signatureLine(body, key));
    }

    /**
     * A checkpoint that hands the ledger to its next key: the body names the new key in an extension
     * line ({@code next-key <verifier key>}, which c2sp.org/tlog-checkpoint allows after the root), and
     * is signed by the key the ledger had ({@code previous}), which so endorses the new one, then by the
     * new key. Without the previous key (lost), only the new key signs, and verifiers see the break.
     */
    public static Checkpoint signRotation(
            String origin, long treeSize, byte[] rootHash, LedgerKey previous, LedgerKey next) {
        String body = body(origin, treeSize, rootHash) + NEXT_KEY + next.verifierKey() + "\n";
        String signatures = (previous == null ? "" : signatureLine(body, previous)) + signatureLine(body, next);
        return new Checkpoint(origin, treeSize, rootHash.clone(), body + "\n" + signatures);
    }

    /** The verifier key a checkpoint hands the ledger to, when it is a rotation checkpoint. */
    public static java.util.Optional<String> nextKey(String note) {
        int split = note.indexOf("\n\n");
        if (split < 0) {
            return java.util.Optional.empty();
        }
        String[] lines = note.substring(0, split).split("\n");
        for (int i = 3; i < lines.length; i++) {
            if (lines[i].startsWith(NEXT_KEY)) {
                return java.util.Optional.of(lines[i].substring(NEXT_KEY.length()));
            }
        }
        return java.util.Optional.empty();
    }

    private static String signatureLine(String body, LedgerKey key) {
        byte[] signature = key.sign(body.getBytes(StandardCharsets.UTF_8));
        byte[] line = new byte[4 + signature.length];
        System.arraycopy(key.keyId(), 0, line, 0, 4);
        System.arraycopy(signature, 0, line, 4, signature.length);
        return DASH + " " + key.keyName() + " " + Base64.getEncoder().encodeToString(line) + "\n";
    }

    /**
     * Reads a note and checks that a signature line of {@code key} (its name and key id) signs its
     * body; lines of other keys are passed over, as the signed-note format allows.
     */
    public static Checkpoint verified(String note, LedgerKey key) {
        int split = note.indexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new InvalidCheckpoint("the note has no blank line between its body and its signatures");
        }
        String body = note.substring(0, split + 1);
        List<String> lines = List.of(body.split("\n", -1));
        if (lines.size() < 4 || !lines.get(lines.size() - 1).isEmpty()) {
            throw new InvalidCheckpoint("the body is not origin, tree size and root hash, one per line");
        }
        String origin = lines.get(0);
        long treeSize;
        byte[] root;
        try {
            treeSize = Long.parseLong(lines.get(1));
            root = Base64.getDecoder().decode(lines.get(2));
        } catch (IllegalArgumentException unreadable) {
            throw new InvalidCheckpoint("the tree size or root hash cannot be read");
        }
        if (treeSize < 0 || root.length != 32 || !lines.get(1).equals(Long.toString(treeSize))) {
            throw new InvalidCheckpoint("the tree size or root hash is malformed");
        }
        for (String line : note.substring(split + 2).split("\n")) {
            String[] parts = line.split(" ");
            if (parts.length != 3 || !parts[0].equals(DASH) || !parts[1].equals(key.keyName())) {
                continue;
            }
            byte[] signed = Base64.getDecoder().decode(parts[2]);
            if (signed.length == 68
                    && Arrays.equals(Arrays.copyOf(signed, 4), key.keyId())
                    && key.verify(body.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(signed, 4, 68))) {
                return new Checkpoint(origin, treeSize, root, note);
            }
        }
        throw new InvalidCheckpoint("no signature of " + key.keyName() + " over the note's body verifies");
    }

    /**
     * The keys whose signature lines a note carries, each as {@code <keyName>+<key id in hex>} (the
     * first two parts of a verifier key), in the note's order; nothing is verified.
     */
    public static List<String> signerIds(String note) {
        int split = note.indexOf("\n\n");
        if (split < 0) {
            return List.of();
        }
        java.util.List<String> signers = new java.util.ArrayList<>();
        for (String line : note.substring(split + 2).split("\n")) {
            String[] parts = line.split(" ");
            if (parts.length != 3 || !parts[0].equals(DASH)) {
                continue;
            }
            try {
                byte[] signed = Base64.getDecoder().decode(parts[2]);
                if (signed.length >= 4) {
                    signers.add(parts[1] + "+" + HexFormat.of().formatHex(Arrays.copyOf(signed, 4)));
                }
            } catch (IllegalArgumentException notBase64) {
                // not a signature line this format writes
            }
        }
        return List.copyOf(signers);
    }

    static String body(String origin, long treeSize, byte[] rootHash) {
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    public String rootHex() {
        return HexFormat.of().formatHex(rootHash);
    }

    /** A note that is not a checkpoint, or not one signed by the expected key. */
    public static final class InvalidCheckpoint extends RuntimeException {
        public InvalidCheckpoint(String message) {
            super(message);
        }
    }
}

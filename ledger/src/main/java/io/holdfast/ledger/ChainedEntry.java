package io.holdfast.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A history entry's place in its case's hash chain, computed from the entry as JSON: {@code hash =
 * SHA-256(previousHash ‖ canonical JSON of the entry without previousHash, hash and ledgerIndex)},
 * lower-case hex, {@code previousHash} being the 64 hex characters of the entry before (64 zeros
 * for the first), both texts in UTF-8.
 */
public final class ChainedEntry {

    public static final String GENESIS = "0".repeat(64);

    /** The fields the chain hashes; a field an entry leaves out counts as {@code null}. */
    public static final List<String> HASHED_FIELDS = List.of(
            "actor",
            "agency",
            "caseId",
            "correlationId",
            "eventId",
            "globalIndex",
            "metadata",
            "occurredAt",
            "payload",
            "payloadType",
            "revision",
            "role",
            "sequence",
            "type");

    private ChainedEntry() {}

    public static String canonical(JsonNode entry) {
        ObjectNode hashed = JsonNodeFactory.instance.objectNode();
        for (String field : HASHED_FIELDS) {
            JsonNode value = entry.get(field);
            hashed.set(field, value == null ? JsonNodeFactory.instance.nullNode() : value);
        }
        return CanonicalJson.of(hashed.toString());
    }

    public static String hash(String previousHash, JsonNode entry) {
        return sha256Hex(previousHash + canonical(entry));
    }

    public static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The ledger leaf of an entry: {@code SHA-256(0x00 ‖ the 32 bytes of its hash)}. */
    public static byte[] leafHash(String entryHash) {
        return MerkleTree.leafHash(HexFormat.of().parseHex(entryHash));
    }
}

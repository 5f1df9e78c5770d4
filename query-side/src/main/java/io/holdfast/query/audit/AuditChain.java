package io.holdfast.query.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.kernel.audit.AuditEntry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain of a case's history: {@code hash = SHA-256(previousHash ‖ canonical JSON of the
 * entry)}, hex lower-case, where {@code previousHash} is the 64 hex characters of the entry before
 * (64 zeros for the first) and ‖ is plain concatenation of the two texts in UTF-8.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The entry without its hashes, in the canonical form of {@link CanonicalJson}. */
    public static String canonical(AuditEntry entry) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode node = json.objectNode();
        node.put("caseId", entry.caseId());
        node.put("sequence", entry.sequence());
        node.put("globalIndex", entry.globalIndex());
        node.put("eventId", entry.eventId());
        node.put("type", entry.type());
        node.put("payloadType", entry.payloadType());
        node.put("revision", entry.revision());
        node.put("occurredAt", entry.occurredAt());
        node.put("actor", entry.actor());
        node.put("role", entry.role());
        node.put("agency", entry.agency());
        node.put("correlationId", entry.correlationId());
        node.set("payload", CanonicalJson.parse(entry.payload()));
        node.set("metadata", CanonicalJson.parse(entry.metadata()));
        return CanonicalJson.of(node);
    }

    public static String hash(String previousHash, AuditEntry entry) {
        return sha256(previousHash + canonical(entry));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

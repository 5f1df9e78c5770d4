package io.holdfast.query.audit;

import io.holdfast.kernel.audit.AuditEntry;
import io.holdfast.ledger.CanonicalJson;
import io.holdfast.ledger.ChainedEntry;

/**
 * The hash chain of a case's history: {@code hash = SHA-256(previousHash ‖ canonical JSON of the
 * entry)}, hex lower-case, where {@code previousHash} is the 64 hex characters of the entry before
 * (64 zeros for the first) and ‖ is plain concatenation of the two texts in UTF-8. The canonical
 * form is written here field by field from the row, as fast as a replay needs; the ledger module's
 * {@link ChainedEntry} computes the same hash from the entry's JSON, as an outside verifier does,
 * and the evidence-bundle tests hold the two to each other.
 */
public final class AuditChain {

    public static final String GENESIS = ChainedEntry.GENESIS;

    private AuditChain() {}

    /** The entry without its hashes, in the canonical form of {@link CanonicalJson}: its keys written in their sorted order. */
    public static String canonical(AuditEntry entry) {
        StringBuilder out = new StringBuilder(256 + length(entry.payload()) + length(entry.metadata()));
        out.append('{');
        text(out, "actor", entry.actor()).append(',');
        text(out, "agency", entry.agency()).append(',');
        text(out, "caseId", entry.caseId()).append(',');
        text(out, "correlationId", entry.correlationId()).append(',');
        text(out, "eventId", entry.eventId()).append(',');
        name(out, "globalIndex").append(entry.globalIndex()).append(',');
        CanonicalJson.write(entry.metadata(), name(out, "metadata"));
        out.append(',');
        text(out, "occurredAt", entry.occurredAt()).append(',');
        CanonicalJson.write(entry.payload(), name(out, "payload"));
        out.append(',');
        text(out, "payloadType", entry.payloadType()).append(',');
        text(out, "revision", entry.revision()).append(',');
        text(out, "role", entry.role()).append(',');
        name(out, "sequence").append(entry.sequence()).append(',');
        text(out, "type", entry.type());
        return out.append('}').toString();
    }

    private static StringBuilder name(StringBuilder out, String name) {
        CanonicalJson.string(name, out);
        return out.append(':');
    }

    private static StringBuilder text(StringBuilder out, String name, String value) {
        name(out, name);
        if (value == null) {
            return out.append("null");
        }
        CanonicalJson.string(value, out);
        return out;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    public static String hash(String previousHash, AuditEntry entry) {
        return sha256(previousHash + canonical(entry));
    }

    static String sha256(String text) {
        return ChainedEntry.sha256Hex(text);
    }
}

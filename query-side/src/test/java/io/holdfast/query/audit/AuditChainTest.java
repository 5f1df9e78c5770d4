package io.holdfast.query.audit;

import io.holdfast.kernel.audit.AuditEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain and the canonical form against fixed vectors: any change to how entries are hashed
 * breaks these, and with them every recorded chain. The expected hash was checked with
 * {@code printf '%s' "$previousHash$canonical" | sha256sum}.
 */
class AuditChainTest {

    static final AuditEntry FIRST = new AuditEntry("CASE-1", 0, 17, "9f0c2b1e-0000-4000-8000-000000000001",
            "AccountFlagged", "io.holdfast.kernel.freezecase.AccountFlagged", null, "2026-05-01T10:00:00.123Z",
            "officer", "OFFICER", null, "corr-1",
            "{\"caseId\":\"CASE-1\",\"accountId\":\"ACC-88123\",\"reason\":{\"type\":\"SANCTIONS_MATCH\",\"agency\":null},\"evidence\":[],\"amount\":49.5}",
            "{\"role\":\"OFFICER\",\"actor\":\"officer\",\"correlationId\":\"corr-1\"}",
            AuditChain.GENESIS, null);

    static final String FIRST_CANONICAL = "{\"actor\":\"officer\",\"agency\":null,\"caseId\":\"CASE-1\",\"correlationId\":\"corr-1\","
            + "\"eventId\":\"9f0c2b1e-0000-4000-8000-000000000001\",\"globalIndex\":17,"
            + "\"metadata\":{\"actor\":\"officer\",\"correlationId\":\"corr-1\",\"role\":\"OFFICER\"},"
            + "\"occurredAt\":\"2026-05-01T10:00:00.123Z\","
            + "\"payload\":{\"accountId\":\"ACC-88123\",\"amount\":\"49.5\",\"caseId\":\"CASE-1\",\"evidence\":[],"
            + "\"reason\":{\"agency\":null,\"type\":\"SANCTIONS_MATCH\"}},"
            + "\"payloadType\":\"io.holdfast.kernel.freezecase.AccountFlagged\",\"revision\":null,\"role\":\"OFFICER\","
            + "\"sequence\":0,\"type\":\"AccountFlagged\"}";

    static final String FIRST_HASH = "e0bc9572c82f9f69f06151ab22be166e4c9457ed93275dee472b007d0bbb2a6e";

    @Test
    void theCanonicalFormSortsKeysDropsWhitespaceAndWritesDecimalsAsStrings() {
        assertThat(AuditChain.canonical(FIRST)).isEqualTo(FIRST_CANONICAL);
    }

    @Test
    void theFirstEntryChainsToSixtyFourZeros() {
        assertThat(AuditChain.GENESIS).isEqualTo("0000000000000000000000000000000000000000000000000000000000000000");
        assertThat(AuditChain.hash(AuditChain.GENESIS, FIRST)).isEqualTo(FIRST_HASH);
    }

    @Test
    void eachHashCoversThePreviousHash() {
        String second = AuditChain.hash(FIRST_HASH, FIRST);
        assertThat(second).isNotEqualTo(FIRST_HASH).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(second).isEqualTo(AuditChain.sha256(FIRST_HASH + FIRST_CANONICAL));
    }

    @Test
    void anyChangeToTheEntryChangesTheHash() {
        AuditEntry altered = new AuditEntry(FIRST.caseId(), FIRST.sequence(), FIRST.globalIndex(), FIRST.eventId(),
                FIRST.type(), FIRST.payloadType(), FIRST.revision(), FIRST.occurredAt(), FIRST.actor(), FIRST.role(),
                FIRST.agency(), FIRST.correlationId(), FIRST.payload().replace("49.5", "4.95"), FIRST.metadata(),
                FIRST.previousHash(), null);
        assertThat(AuditChain.hash(AuditChain.GENESIS, altered)).isNotEqualTo(FIRST_HASH);
    }

    @Test
    void canonicalJsonFollowsItsRules() {
        assertThat(CanonicalJson.of(CanonicalJson.parse("{ \"b\" : 1, \"a\" : [ 2.50, 1e2, -3, true, null ], \"C\": \"x\\u0001\\\"y\" }")))
                .isEqualTo("{\"C\":\"x\\u0001\\\"y\",\"a\":[\"2.50\",\"100\",-3,true,null],\"b\":1}");
        assertThat(CanonicalJson.of(CanonicalJson.parse("\"line\\nbreak and ünïcödé\""))).isEqualTo("\"line\\nbreak and ünïcödé\"");
    }
}

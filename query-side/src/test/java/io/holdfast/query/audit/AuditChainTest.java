package io.holdfast.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.kernel.audit.AuditEntry;
import io.holdfast.ledger.CanonicalJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The chain and the canonical form against fixed vectors: any change to how entries are hashed
 * breaks these, and with them every recorded chain. The expected hash was checked with
 * {@code printf '%s' "$previousHash$canonical" | sha256sum}.
 */
class AuditChainTest {

    static final AuditEntry FIRST = new AuditEntry(
            "CASE-1",
            0,
            17,
            "9f0c2b1e-0000-4000-8000-000000000001",
            "AccountFlagged",
            "io.holdfast.kernel.freezecase.AccountFlagged",
            null,
            "2026-05-01T10:00:00.123Z",
            "officer",
            "OFFICER",
            null,
            "corr-1",
            "{\"caseId\":\"CASE-1\",\"accountId\":\"ACC-88123\",\"reason\":{\"type\":\"SANCTIONS_MATCH\",\"agency\":null},\"evidence\":[],\"amount\":49.5}",
            "{\"role\":\"OFFICER\",\"actor\":\"officer\",\"correlationId\":\"corr-1\"}",
            AuditChain.GENESIS,
            null,
            null);

    static final String FIRST_CANONICAL =
            "{\"actor\":\"officer\",\"agency\":null,\"caseId\":\"CASE-1\",\"correlationId\":\"corr-1\","
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

    /** An entry as the trail writes it today: the stored name and its revision, not the Java class. */
    @Test
    void anEntryUnderItsStoredNameHasItsOwnPinnedHash() {
        AuditEntry stored = new AuditEntry(
                FIRST.caseId(),
                FIRST.sequence(),
                FIRST.globalIndex(),
                FIRST.eventId(),
                FIRST.type(),
                "holdfast.case.AccountFlagged",
                "1",
                FIRST.occurredAt(),
                FIRST.actor(),
                FIRST.role(),
                FIRST.agency(),
                FIRST.correlationId(),
                FIRST.payload(),
                FIRST.metadata(),
                AuditChain.GENESIS,
                null,
                null);
        assertThat(AuditChain.canonical(stored))
                .isEqualTo(FIRST_CANONICAL
                        .replace("io.holdfast.kernel.freezecase.AccountFlagged", "holdfast.case.AccountFlagged")
                        .replace("\"revision\":null", "\"revision\":\"1\""));
        // printf '%s' "$GENESIS$canonical" | sha256sum
        assertThat(AuditChain.hash(AuditChain.GENESIS, stored))
                .isEqualTo("f2b00a86d463b2191278f7740ad6cd48000ed312972ab762f0a05c060391dea9");
    }

    @Test
    void eachHashCoversThePreviousHash() {
        String second = AuditChain.hash(FIRST_HASH, FIRST);
        assertThat(second).isNotEqualTo(FIRST_HASH).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(second).isEqualTo(AuditChain.sha256(FIRST_HASH + FIRST_CANONICAL));
    }

    @Test
    void anyChangeToTheEntryChangesTheHash() {
        AuditEntry altered = new AuditEntry(
                FIRST.caseId(),
                FIRST.sequence(),
                FIRST.globalIndex(),
                FIRST.eventId(),
                FIRST.type(),
                FIRST.payloadType(),
                FIRST.revision(),
                FIRST.occurredAt(),
                FIRST.actor(),
                FIRST.role(),
                FIRST.agency(),
                FIRST.correlationId(),
                FIRST.payload().replace("49.5", "4.95"),
                FIRST.metadata(),
                FIRST.previousHash(),
                null,
                7L);
        assertThat(AuditChain.hash(AuditChain.GENESIS, altered)).isNotEqualTo(FIRST_HASH);
    }

    @Test
    void canonicalJsonFollowsItsRules() {
        assertThat(CanonicalJson.of("{ \"b\" : 1, \"a\" : [ 2.50, 1e2, -3, true, null ], \"C\": \"x\\u0001\\\"y\" }"))
                .isEqualTo("{\"C\":\"x\\u0001\\\"y\",\"a\":[\"2.50\",\"100\",-3,true,null],\"b\":1}");
        assertThat(CanonicalJson.of("\"line\\nbreak and ünïcödé\"")).isEqualTo("\"line\\nbreak and ünïcödé\"");
    }

    @Test
    void objectsAreSortedAtEveryDepthAndAKeyHeldTwiceCountsOnceWithItsLastValue() {
        assertThat(CanonicalJson.of("{\"z\":{\"y\":[{\"b\":1,\"a\":{}}],\"x\":[]},\"a\":0,\"m\":null,\"a\":2}"))
                .isEqualTo("{\"a\":2,\"m\":null,\"z\":{\"x\":[],\"y\":[{\"a\":{},\"b\":1}]}}");
    }

    @Test
    void keysAreSortedByUtf16CodeUnitsNotByCodePoints() {
        // U+1F600 is written as the surrogates D83D DE00, which sort before U+FF61
        assertThat(CanonicalJson.of("{\"\uFF61\":1,\"\uD83D\uDE00\":2,\"a\":3,\"Z\":4}"))
                .isEqualTo("{\"Z\":4,\"a\":3,\"\uD83D\uDE00\":2,\"\uFF61\":1}");
    }

    @Test
    void integersKeepTheirDigitsAndOtherNumbersBecomeTheirPlainDecimalText() {
        assertThat(CanonicalJson.of("[-0, 123456789012345678901234567890, -1.50E+3, 0.000, 1E-2, 7]"))
                .isEqualTo("[0,123456789012345678901234567890,\"-1500\",\"0.000\",\"0.01\",7]");
    }

    @Test
    void noTextIsNullAndBrokenTextIsRefused() {
        assertThat(CanonicalJson.of(null)).isEqualTo("null");
        assertThat(CanonicalJson.of("")).isEqualTo("null");
        assertThatThrownBy(() -> CanonicalJson.of("{\"a\":[1,"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stored JSON could not be read");
        assertThatThrownBy(() -> CanonicalJson.of("{\"a\" 1}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameValueWrittenInAnyKeyOrderAndLayoutHasOneCanonicalForm() throws Exception {
        Random random = new Random(20261129);
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 500; i++) {
            Object value = randomValue(random, 0);
            String compact = json.writeValueAsString(value);
            String reordered = json.writerWithDefaultPrettyPrinter().writeValueAsString(reversed(value));
            String canonical = CanonicalJson.of(compact);
            assertThat(CanonicalJson.of(reordered)).isEqualTo(canonical);
            assertThat(CanonicalJson.of(canonical)).isEqualTo(canonical);
        }
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 5 : 7);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextLong() >> random.nextInt(64);
            case 3 -> BigDecimal.valueOf(random.nextLong() >> random.nextInt(64), random.nextInt(8) - 2);
            case 4 -> randomText(random);
            case 5 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (int i = random.nextInt(6); i > 0; i--) {
                    object.put(randomText(random), randomValue(random, depth + 1));
                }
                yield object;
            }
        };
    }

    private static String randomText(Random random) {
        String alphabet = "aAbBzZ09_\"\\\n\u0001é\uFF61\uD83D\uDE00";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(5); i > 0; i--) {
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            text.append(Character.isSurrogate(c) ? "\uD83D\uDE00" : String.valueOf(c));
        }
        return text.toString();
    }

    /** The same value with every object's keys in reverse order. */
    @SuppressWarnings("unchecked")
    private static Object reversed(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<Map.Entry<String, Object>> entries = new ArrayList<>(((Map<String, Object>) map).entrySet());
            Collections.reverse(entries);
            Map<String, Object> reversed = new LinkedHashMap<>();
            entries.forEach(entry -> reversed.put(entry.getKey(), reversed(entry.getValue())));
            return reversed;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AuditChainTest::reversed).toList();
        }
        return value;
    }
}

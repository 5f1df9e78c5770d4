package io.holdfast.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.app.HoldfastApplication;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Requests generated from the contract, as every role. Every read operation with query parameters
 * the contract allows: never a 5xx, a documented status, content type and body (checked by {@link
 * Api} against docs/openapi.json on every answer), a problem document for every refusal, and no
 * request the contract allows refused as invalid (400) for a rule it does not state. Every write
 * with a body built from its request schema: never a 5xx, documented answers, a problem for every
 * refusal, nothing stored by one.
 */
class ContractPropertiesTest {

    private static final JsonNode CONTRACT = contract();
    private static final String CASE_ID = "CONTRACT-1";
    private static final List<String> ROLES =
            List.of("officer", "supervisor", "auditor", "admin", "liaison-fbi", "liaison-hsi");
    /** Parameters whose rules relate them to each other or to the ledger's size, which a schema cannot state. */
    private static final Set<String> RELATED = Set.of("ledgerIndex", "treeSize", "since");

    private static ConfigurableApplicationContext holdfast;
    private static Api api;

    @BeforeContainer
    static void start() throws Exception {
        holdfast = new SpringApplicationBuilder(HoldfastApplication.class)
                .run(
                        "--server.port=0",
                        "--holdfast.data-dir=" + Files.createTempDirectory("holdfast-contract-properties"),
                        "--holdfast.reads.min-version-wait=200ms",
                        "--logging.level.root=warn");
        api = new Api(((WebServerApplicationContext) holdfast).getWebServer().getPort());
        api.frozenCase(CASE_ID);
    }

    @AfterContainer
    static void stop() {
        holdfast.close();
    }

    record Read(String template, String path, boolean relatedParameters) {}

    @Property(tries = 400)
    void readsAllowedByTheContractAreAnsweredAsItSays(@ForAll("reads") Read read, @ForAll("roles") String role) {
        Api.Response response = api.as(role).get(read.path());

        assertThat(response.status()).as("%s %s", read.path(), response).isLessThan(500);
        if (response.status() >= 400) {
            assertThat(response.header("Content-Type")).as("%s", response).startsWith("application/problem+json");
        }
        if (!read.relatedParameters()) {
            assertThat(response.status())
                    .as("a read the contract allows is not refused as invalid: %s %s", read.path(), response)
                    .isNotEqualTo(400);
        }
    }

    record Write(String method, String path, String body) {}

    /**
     * Writes with bodies generated from the contract's request schemas, as every role: never a 5xx,
     * a documented answer (checked by {@link Api}; an accepted body valid by the contract) and a
     * problem for every refusal. Whether the case's rules take the write is the domain's to say
     * (403, 404, 409); that a refused write stores nothing is {@link HostileInputTest}'s to show, as
     * deadlines of the warrants recorded here may store events meanwhile.
     */
    @Property(tries = 300)
    void writesFromTheContractAreAnsweredAsItSays(@ForAll("writes") Write write, @ForAll("roles") String role) {
        Api.Call call = api.as(role);
        Api.Response response = write.method().equals("PUT")
                ? call.put(write.path(), write.body())
                : call.post(write.path(), write.body());

        assertThat(response.status())
                .as("%s %s %s", write.path(), write.body(), response)
                .isLessThan(500);
        if (response.status() >= 400) {
            assertThat(response.header("Content-Type")).as("%s", response).startsWith("application/problem+json");
        }
    }

    @Provide
    Arbitrary<Write> writes() {
        List<Arbitrary<? extends Write>> each = new ArrayList<>();
        Iterator<String> paths = CONTRACT.path("paths").fieldNames();
        while (paths.hasNext()) {
            String template = paths.next();
            for (String method : List.of("post", "put")) {
                JsonNode schema = CONTRACT.path("paths")
                        .path(template)
                        .path(method)
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema");
                if (schema.isMissingNode()) {
                    continue;
                }
                String path = template.replace("{caseId}", CASE_ID)
                        .replace("{accountId}", "ACC-CONTRACT")
                        .replace("{requestId}", "R-1")
                        .replace("{warrantId}", "W-1")
                        .replace("{obligationId}", "R-1")
                        .replace("{list}", "OFAC-SDN");
                String verb = method.toUpperCase();
                each.add(body(schema, 0).map(body -> new Write(verb, path, body.toString())));
            }
        }
        return Arbitraries.oneOf(each);
    }

    /** A JSON value the schema allows, references followed; optional properties present or not. */
    private static Arbitrary<JsonNode> body(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("anyOf")) {
            List<Arbitrary<? extends JsonNode>> choices = new ArrayList<>();
            resolved.path("anyOf").forEach(choice -> choices.add(body(choice, depth + 1)));
            return Arbitraries.oneOf(choices);
        }
        if (resolved.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            resolved.path("enum").forEach(values::add);
            return Arbitraries.of(values);
        }
        String type = resolved.path("type").isArray()
                ? resolved.path("type").get(0).asText()
                : resolved.path("type").asText();
        ObjectMapper json = new ObjectMapper();
        return switch (type) {
            case "object" -> object(resolved, depth);
            case "array" ->
                body(resolved.path("items"), depth + 1)
                        .list()
                        .ofMinSize(Math.max(1, resolved.path("minItems").asInt(0)))
                        .ofMaxSize(3)
                        .map(items -> {
                            com.fasterxml.jackson.databind.node.ArrayNode array = json.createArrayNode();
                            items.forEach(array::add);
                            return array;
                        });
            case "integer" ->
                Arbitraries.longs()
                        .between(0, 1000)
                        .map(n -> json.getNodeFactory().numberNode(n));
            case "boolean" ->
                Arbitraries.of(true, false).map(b -> json.getNodeFactory().booleanNode(b));
            case "null" -> Arbitraries.just(json.getNodeFactory().nullNode());
            default -> text(resolved).map(text -> json.getNodeFactory().textNode(text));
        };
    }

    private static Arbitrary<JsonNode> object(JsonNode schema, int depth) {
        ObjectMapper json = new ObjectMapper();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        List<Arbitrary<String[]>> fields = new ArrayList<>();
        Iterator<String> names = schema.path("properties").fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            Arbitrary<String[]> field = body(schema.path("properties").path(name), depth + 1)
                    .map(value -> new String[] {name, value.toString()});
            fields.add(required.contains(name) || depth > 3 ? field : field.injectNull(0.3));
        }
        if (fields.isEmpty()) {
            return Arbitraries.just(json.createObjectNode());
        }
        return Combinators.combine(fields).as(values -> {
            com.fasterxml.jackson.databind.node.ObjectNode object = json.createObjectNode();
            for (String[] field : values) {
                if (field != null) {
                    try {
                        object.set(field[0], json.readTree(field[1]));
                    } catch (IOException unreadable) {
                        throw new java.io.UncheckedIOException(unreadable);
                    }
                }
            }
            return object;
        });
    }

    /** Text of the schema's kind: its pattern's kind, its format, or words. */
    private static Arbitrary<String> text(JsonNode schema) {
        String pattern = schema.path("pattern").asText("");
        String format = schema.path("format").asText("");
        if (pattern.contains("[0-9a-fA-F]{64}")) {
            return Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
        }
        if (pattern.contains("A-Z0-9]{2,15}")) {
            return Arbitraries.of("BTC", "USDT", "ETH");
        }
        if (pattern.contains("[0-9]{1,30}")) {
            return Arbitraries.of("1", "49.5", "3050000.00");
        }
        if (pattern.contains("A-Za-z0-9._:-")) {
            return Arbitraries.strings()
                    .alpha()
                    .numeric()
                    .ofMinLength(1)
                    .ofMaxLength(12)
                    .map(id -> "X" + id);
        }
        if (format.equals("date-time")) {
            return Arbitraries.longs()
                    .between(
                            Instant.parse("2020-01-01T00:00:00Z").getEpochSecond(),
                            Instant.parse("2040-01-01T00:00:00Z").getEpochSecond())
                    .map(seconds -> Instant.ofEpochSecond(seconds).toString());
        }
        int minimum = Math.max(1, schema.path("minLength").asInt(1));
        int maximum = Math.max(minimum, Math.min(schema.path("maxLength").asInt(40), 40));
        return Arbitraries.strings().alpha().ofMinLength(minimum).ofMaxLength(maximum);
    }

    private static JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        while (resolved.has("$ref")) {
            String name = resolved.path("$ref").asText().substring("#/components/schemas/".length());
            resolved = CONTRACT.path("components").path("schemas").path(name);
        }
        return resolved;
    }

    @Provide
    Arbitrary<String> roles() {
        return Arbitraries.of(ROLES);
    }

    @Provide
    Arbitrary<Read> reads() {
        List<Arbitrary<? extends Read>> each = new ArrayList<>();
        Iterator<String> paths = CONTRACT.path("paths").fieldNames();
        while (paths.hasNext()) {
            String template = paths.next();
            JsonNode get = CONTRACT.path("paths").path(template).path("get");
            if (get.isMissingNode() || template.endsWith("/updates") || template.startsWith("/api/admin/backups/")) {
                continue;
            }
            each.add(read(template, get));
        }
        return Arbitraries.oneOf(each);
    }

    private static Arbitrary<Read> read(String template, JsonNode operation) {
        String path = template.replace("{caseId}", CASE_ID)
                .replace("{accountId}", "ACC-1")
                .replace("{processor}", "case-views")
                .replace("{list}", "OFAC-SDN")
                .replace("{version}", "1")
                .replace("{runId}", "no-such-run");
        List<Arbitrary<String>> parameters = new ArrayList<>();
        boolean related = false;
        for (JsonNode parameter : operation.path("parameters")) {
            if (!parameter.path("in").asText().equals("query")) {
                continue;
            }
            String name = parameter.path("name").asText();
            related |= RELATED.contains(name) || template.startsWith("/api/audit/ledger/proofs/");
            Arbitrary<String> value = valueOf(name, parameter.path("schema"));
            if (parameter.path("required").asBoolean()) {
                parameters.add(value.map(v -> name + "=" + v));
            } else {
                parameters.add(value.map(v -> name + "=" + v).injectNull(0.5).map(v -> v == null ? "" : v));
            }
        }
        boolean anyRelated = related;
        if (parameters.isEmpty()) {
            return Arbitraries.just(new Read(template, path, anyRelated));
        }
        return Combinators.combine(parameters).as(values -> {
            List<String> given = values.stream().filter(v -> !v.isEmpty()).toList();
            String query = String.join("&", given);
            // the contract states in words that a case read takes minVersion or asOf, not both
            boolean exclusive = given.stream().anyMatch(v -> v.startsWith("asOf="))
                    && given.stream().anyMatch(v -> v.startsWith("minVersion="));
            return new Read(template, query.isEmpty() ? path : path + "?" + query, anyRelated || exclusive);
        });
    }

    /** A value the schema allows; free text where the contract gives none is a plausible one of its kind. */
    private static Arbitrary<String> valueOf(String name, JsonNode schema) {
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.path("enum").forEach(value -> values.add(value.asText()));
            return Arbitraries.of(values);
        }
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        if (type.equals("integer")) {
            long minimum = schema.has("minimum") ? schema.path("minimum").asLong() : 0;
            long maximum = schema.has("maximum") ? schema.path("maximum").asLong() : minimum + 10_000;
            return Arbitraries.longs().between(minimum, maximum).map(String::valueOf);
        }
        if (format.equals("date-time")) {
            return Arbitraries.longs()
                    .between(
                            Instant.parse("2000-01-01T00:00:00Z").getEpochSecond(),
                            Instant.parse("2099-12-31T00:00:00Z").getEpochSecond())
                    .map(seconds -> encode(Instant.ofEpochSecond(seconds).toString()));
        }
        if (format.equals("date")) {
            return Arbitraries.integers()
                    .between(0, 30_000)
                    .map(days -> LocalDate.of(2000, 1, 1).plusDays(days).toString());
        }
        return switch (name) {
            case "agency" -> Arbitraries.of("FBI", "HSI", "OFAC");
            case "accountId" -> Arbitraries.of("ACC-1", "ACC-88123");
            case "address" -> Arbitraries.of("bc1qexample", "0x52908400098527886E0F7030069857D2E4169EE7");
            default -> Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12);
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode contract() {
        try {
            return new ObjectMapper().readTree(Files.readString(Path.of("../docs/openapi.json")));
        } catch (IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }
}

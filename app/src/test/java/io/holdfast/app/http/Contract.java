package io.holdfast.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The contract, {@code docs/openapi.json}, as a check of what Holdfast answers: the operation and
 * status are documented, the content type is one the operation gives, and a JSON body validates
 * against the operation's schema for that status (OpenAPI 3.1's schemas are JSON Schema 2020-12).
 */
public final class Contract {

    private static final String ID = "https://holdfast.example/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode DOCUMENT = read();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.resourceLoaders(loaders -> loaders.resources(Map.of(ID, DOCUMENT.toString()))));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private Contract() {}

    private static JsonNode read() {
        try {
            return JSON.readTree(Files.readString(Path.of("../docs/openapi.json")));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** What the answer breaks of the contract; empty when it keeps it. */
    public static List<String> breaches(
            String method, String pathAndQuery, int status, String contentType, String body) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        String template = template(path);
        if (template == null) {
            return List.of();
        }
        String where = method + " " + template + " " + status;
        JsonNode operation = DOCUMENT.path("paths").path(template).path(method.toLowerCase());
        if (operation.isMissingNode()) {
            // a method a documented path does not answer: 405 with Allow is the only right answer
            return status == 405 ? List.of() : List.of(where + ": the contract has no such operation");
        }
        JsonNode responses = operation.path("responses");
        String code = responses.has(Integer.toString(status)) ? Integer.toString(status) : "default";
        if (!responses.has(code)) {
            return List.of(where + ": the status is not documented");
        }
        JsonNode content = responses.path(code).path("content");
        String type = contentType == null ? "" : contentType.split(";")[0].strip();
        if (body == null || body.isEmpty() || type.isEmpty()) {
            return List.of();
        }
        if (!content.has(type)) {
            return content.isMissingNode() || content.isEmpty()
                    ? List.of()
                    : List.of(where + ": content type " + type + " is not documented");
        }
        if (!type.endsWith("json")) {
            return List.of();
        }
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (IOException notJson) {
            return List.of(where + ": the body is not JSON");
        }
        String pointer = "#/paths/" + escape(template) + "/" + method.toLowerCase() + "/responses/" + code + "/content/"
                + escape(type) + "/schema";
        Schema schema = SCHEMAS.computeIfAbsent(pointer, key -> REGISTRY.getSchema(SchemaLocation.of(ID + key)));
        List<String> breaches = new ArrayList<>();
        for (Error error : schema.validate(value)) {
            breaches.add(where + ": " + error);
        }
        return breaches;
    }

    /**
     * What a request the service accepted breaks of the contract: a body Holdfast took must be one
     * the contract allows, or the contract says less than the service does.
     */
    public static List<String> requestBreaches(String method, String pathAndQuery, String contentType, String body) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        String template = template(path);
        String type = contentType == null ? "" : contentType.split(";")[0].strip();
        if (template == null || body == null || body.isBlank() || !type.equals("application/json")) {
            return List.of();
        }
        JsonNode operation = DOCUMENT.path("paths").path(template).path(method.toLowerCase());
        if (operation.path("requestBody").isMissingNode()) {
            // an operation that takes no body reads none: what a caller sent with it is not looked at
            return List.of();
        }
        if (!operation.path("requestBody").path("content").has(type)) {
            return List.of(method + " " + template + ": the contract takes no " + type + " body");
        }
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (IOException notJson) {
            return List.of(method + " " + template + ": an accepted body is not JSON");
        }
        String pointer = "#/paths/" + escape(template) + "/" + method.toLowerCase() + "/requestBody/content/"
                + escape(type) + "/schema";
        Schema schema = SCHEMAS.computeIfAbsent(pointer, key -> REGISTRY.getSchema(SchemaLocation.of(ID + key)));
        List<String> breaches = new ArrayList<>();
        for (Error error : schema.validate(value)) {
            breaches.add(method + " " + template + " (request accepted): " + error);
        }
        return breaches;
    }

    /** The documented path a concrete path is an instance of, or null when it is none of the API's. */
    static String template(String path) {
        Iterator<String> names = DOCUMENT.path("paths").fieldNames();
        String best = null;
        while (names.hasNext()) {
            String name = names.next();
            if (name.equals(path)) {
                return name;
            }
            Pattern pattern = Pattern.compile(name.replaceAll("\\{[^}]+}", "[^/]+"));
            if (pattern.matcher(path).matches() && (best == null || literalLength(name) > literalLength(best))) {
                best = name;
            }
        }
        return best;
    }

    private static int literalLength(String template) {
        return template.replaceAll("\\{[^}]+}", "").length();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}

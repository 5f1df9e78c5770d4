package io.holdfast.app.storedrecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The published JSON Schemas of the stored events, {@code docs/schemas/<name>@<revision>.schema.json}. */
final class EventSchemas {

    static final Path FOLDER = Path.of("../docs/schemas");

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private EventSchemas() {}

    static Path file(String name, String revision) {
        return FOLDER.resolve(name + "@" + revision + ".schema.json");
    }

    /** What the payload breaks of its schema; empty when it validates. */
    static List<Error> check(String name, String revision, JsonNode payload) {
        Schema schema = LOADED.computeIfAbsent(name + "@" + revision, key -> {
            try (InputStream in = Files.newInputStream(file(name, revision))) {
                return REGISTRY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return schema.validate(payload);
    }
}

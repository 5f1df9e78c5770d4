package io.holdfast.app.storedrecord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.app.serialization.IncompleteEntriesUpcaster;
import io.holdfast.app.serialization.ListPublicationPartsUpcaster;
import io.holdfast.app.serialization.SerializationConfiguration;
import io.holdfast.app.serialization.StoredTypeNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/**
 * A committed example of every stored event type at its revision, under
 * {@code src/test/resources/stored-events/}, read and written back byte for byte by the event
 * serializer: changing what an event stores without a new revision (and an upcaster for the old
 * one) fails here.
 */
class StoredEventExamplesTest {

    static final Path EXAMPLES = Path.of("src/test/resources/stored-events");

    /** The event serializer as Holdfast configures it. */
    private final Serializer events =
            new SerializationConfiguration().eventSerializer(new AnnotationRevisionResolver());

    @Test
    void everyEventTypeReadsAndWritesItsExampleByteForByte() throws IOException {
        for (Map.Entry<String, Class<?>> stored : StoredTypeNames.all().entrySet()) {
            String name = stored.getKey();
            if (!name.startsWith("holdfast.case.") && !name.startsWith("holdfast.sanctions.")) {
                continue;
            }
            String revision = events.typeForClass(stored.getValue()).getRevision();
            Path example = EXAMPLES.resolve(name + "@" + revision + ".json");
            assertThat(example)
                    .as("the example of " + name + " revision " + revision)
                    .exists();
            byte[] committed = Files.readAllBytes(example);

            Object read = events.deserialize(new SimpleSerializedObject<>(committed, byte[].class, name, revision));
            SerializedObject<byte[]> written = events.serialize(read, byte[].class);

            assertThat(read).isInstanceOf(stored.getValue());
            assertThat(written.getType().getName()).isEqualTo(name);
            assertThat(new String(written.getData())).as(name + " written back").isEqualTo(new String(committed));
            assertThat(EventSchemas.check(name, revision, new ObjectMapper().readTree(committed)))
                    .as(name + " against its schema")
                    .isEmpty();
        }
    }

    @Test
    void aSchemaRefusesAnEventThatLacksAFieldOrHasAnUnknownOne() throws IOException {
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode flagged =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
                        EXAMPLES.resolve("holdfast.case.AccountFlagged@1.json").toFile());

        assertThat(EventSchemas.check(
                        "holdfast.case.AccountFlagged", "1", flagged.deepCopy().without("caseId")))
                .isNotEmpty();
        assertThat(EventSchemas.check(
                        "holdfast.case.AccountFlagged", "1", flagged.deepCopy().put("riskScore", 7)))
                .isNotEmpty();
    }

    /** An example of an older revision is kept; Holdfast's upcasters read it as the current class. */
    @Test
    void everyOlderRevisionsExampleReadsAsTheCurrentRevision() throws IOException {
        EventUpcasterChain upcasters =
                new EventUpcasterChain(new ListPublicationPartsUpcaster(), new IncompleteEntriesUpcaster());
        try (var examples = Files.list(EXAMPLES)) {
            for (Path example : examples.toList()) {
                String file = example.getFileName().toString();
                String name = file.substring(0, file.indexOf('@'));
                String revision = file.substring(file.indexOf('@') + 1, file.length() - ".json".length());
                Class<?> type = StoredTypeNames.classOf(name).orElseThrow();
                String current = events.typeForClass(type).getRevision();
                if (revision.equals(current)) {
                    continue;
                }
                IntermediateEventRepresentation read = upcasters
                        .upcast(Stream.of(new InitialEventRepresentation(
                                new GenericDomainEventEntry<>(
                                        "SanctionsList",
                                        "sanctions-list/OFAC-SDN",
                                        0,
                                        "event-1",
                                        Instant.EPOCH,
                                        name,
                                        revision,
                                        Files.readAllBytes(example),
                                        "{}".getBytes()),
                                events)))
                        .findFirst()
                        .orElseThrow();

                assertThat(read.getType().getRevision()).as(file + " upcast").isEqualTo(current);
                Object event = events.deserialize(read.getData(byte[].class));
                assertThat(event).as(file).isInstanceOf(type);
            }
        }
    }
}

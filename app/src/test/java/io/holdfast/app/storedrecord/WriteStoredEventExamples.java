package io.holdfast.app.storedrecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.app.serialization.SerializationConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the examples of {@link StoredEventExamplesTest} from the events of the 0.1.0 store, read
 * and written again in today's form. Run only when an event gets a new revision (its example is
 * added, the old one kept): {@code mvn -B verify -pl app -am -Dtest=WriteStoredEventExamples
 * -Dsurefire.failIfNoSpecifiedTests=false -Dholdfast.write-examples=true}. Types the store lacks
 * are written by hand.
 */
@EnabledIfSystemProperty(named = "holdfast.write-examples", matches = "true")
class WriteStoredEventExamples {

    /** The event serializer as Holdfast configures it. */
    private final Serializer events =
            new SerializationConfiguration().eventSerializer(new AnnotationRevisionResolver());

    @Test
    void writeExamples() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Files.createDirectories(StoredEventExamplesTest.EXAMPLES);
        for (String line : Files.readAllLines(StoreOfRelease010Test.STORE)) {
            JsonNode row = json.readTree(line);
            if (!row.get("table").asText().equals("domain_event_entry")) {
                continue;
            }
            JsonNode event = row.get("row");
            byte[] stored = event.get("payload").get("text").asText().getBytes(StandardCharsets.UTF_8);
            Object read = events.deserialize(new SimpleSerializedObject<>(
                    stored, byte[].class, event.get("payload_type").asText(), null));
            SerializedObject<byte[]> written = events.serialize(read, byte[].class);
            Files.write(
                    StoredEventExamplesTest.EXAMPLES.resolve(written.getType().getName() + "@"
                            + written.getType().getRevision() + ".json"),
                    written.getData());
        }
    }
}

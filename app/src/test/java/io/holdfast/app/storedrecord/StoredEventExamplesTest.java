package io.holdfast.app.storedrecord;

import io.holdfast.app.serialization.SerializationConfiguration;
import io.holdfast.app.serialization.StoredTypeNames;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A committed example of every stored event type at its revision, under
 * {@code src/test/resources/stored-events/}, read and written back byte for byte by the event
 * serializer: changing what an event stores without a new revision (and an upcaster for the old
 * one) fails here.
 */
class StoredEventExamplesTest {

    static final Path EXAMPLES = Path.of("src/test/resources/stored-events");

    /** The event serializer as Holdfast configures it. */
    private final Serializer events = new SerializationConfiguration().eventSerializer(new AnnotationRevisionResolver());

    @Test
    void everyEventTypeReadsAndWritesItsExampleByteForByte() throws IOException {
        for (Map.Entry<String, Class<?>> stored : StoredTypeNames.all().entrySet()) {
            String name = stored.getKey();
            if (!name.startsWith("holdfast.case.") && !name.startsWith("holdfast.sanctions.")) {
                continue;
            }
            String revision = events.typeForClass(stored.getValue()).getRevision();
            Path example = EXAMPLES.resolve(name + "@" + revision + ".json");
            assertThat(example).as("the example of " + name + " revision " + revision).exists();
            byte[] committed = Files.readAllBytes(example);

            Object read = events.deserialize(new SimpleSerializedObject<>(committed, byte[].class, name, revision));
            SerializedObject<byte[]> written = events.serialize(read, byte[].class);

            assertThat(read).isInstanceOf(stored.getValue());
            assertThat(written.getType().getName()).isEqualTo(name);
            assertThat(new String(written.getData())).as(name + " written back").isEqualTo(new String(committed));
        }
    }
}

package io.holdfast.app.storedrecord;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.serialization.StoredTypeNames;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/** docs/events.md names every stored event type at its revision, with every field it stores. */
class EventCatalogueTest {

    @Test
    void theCatalogueDescribesEveryEventTypeAndField() throws IOException {
        String catalogue = Files.readString(Path.of("../docs/events.md"));
        StoredTypeNames.all().forEach((name, type) -> {
            if (!name.startsWith("holdfast.case.") && !name.startsWith("holdfast.sanctions.")) {
                return;
            }
            String revision = type.getAnnotation(Revision.class).value();
            String heading = "### `" + name + "` (revision " + revision + ")";
            assertThat(catalogue).as("docs/events.md").contains(heading);
            String section = catalogue.substring(catalogue.indexOf(heading));
            int next = section.indexOf("\n### ", heading.length());
            section = next < 0 ? section : section.substring(0, next);
            for (RecordComponent field : type.getRecordComponents()) {
                assertThat(section).as(name + " field " + field.getName()).contains("| `" + field.getName() + "` |");
            }
        });
    }
}

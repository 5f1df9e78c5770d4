package io.holdfast.app.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.kernel.sanctions.SanctionsListVersionImported;
import java.util.Objects;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code holdfast.sanctions.SanctionsListVersionImported} revision 2 names every part a list
 * version was read from ({@code publication.parts}). Revision 1, and the form 0.1.0 stored under
 * the class name, knew only the file's name: it was the one part.
 */
@Component
@Order(0)
public class ListPublicationPartsUpcaster extends SingleEventUpcaster {

    static final String NAME = "holdfast.sanctions.SanctionsListVersionImported";
    private static final String RELEASE_010_NAME = SanctionsListVersionImported.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        String name = event.getType().getName();
        String revision = event.getType().getRevision();
        return NAME.equals(name) && "1".equals(revision) || RELEASE_010_NAME.equals(name) && revision == null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(new SimpleSerializedType(NAME, "2"), JsonNode.class, payload -> {
            JsonNode publication = payload.get("publication");
            if (publication instanceof ObjectNode fields && !fields.has("parts")) {
                ArrayNode parts = fields.putArray("parts");
                JsonNode fileName = fields.get("fileName");
                if (fileName != null && !fileName.isNull()) {
                    parts.add(fileName.asText());
                }
            }
            return payload;
        });
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ListPublicationPartsUpcaster;
    }

    @Override
    public int hashCode() {
        return Objects.hash(NAME);
    }
}

package io.holdfast.app.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code holdfast.sanctions.SanctionsListVersionImported} revision 3 names the entries a file gave
 * only in part and the addresses they kept from the version before. A version of revision 2 carried
 * nothing over: both lists are empty.
 */
@Component
@Order(1)
public class IncompleteEntriesUpcaster extends SingleEventUpcaster {

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return ListPublicationPartsUpcaster.NAME.equals(event.getType().getName())
                && "2".equals(event.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(
                new SimpleSerializedType(ListPublicationPartsUpcaster.NAME, "3"), JsonNode.class, payload -> {
                    if (payload instanceof ObjectNode fields) {
                        if (!fields.has("incompleteEntries")) {
                            fields.putArray("incompleteEntries");
                        }
                        if (!fields.has("addressesCarriedOver")) {
                            fields.putArray("addressesCarriedOver");
                        }
                    }
                    return payload;
                });
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IncompleteEntriesUpcaster;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ListPublicationPartsUpcaster.NAME, "3");
    }
}

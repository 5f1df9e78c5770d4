package io.holdfast.query.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.holdfast.kernel.EventMetadata;
import java.io.IOException;
import java.util.function.Supplier;
import org.axonframework.messaging.MetaData;

/**
 * Who recorded an event — actor, role, agency — and under which correlation id, as the audit row
 * shows them. Read straight from the metadata text as stored; Axon's own reading of the metadata
 * (a map built per event) is asked only when the text holds these keys in another shape.
 */
record Acting(String actor, String role, String agency, String correlationId) {

    private static final JsonFactory JSON = new JsonFactory();

    static Acting from(String storedMetadata, Supplier<MetaData> metaData) {
        Acting read = storedMetadata == null ? null : read(storedMetadata);
        return read != null ? read : of(metaData.get());
    }

    private static Acting of(MetaData metaData) {
        return new Acting(
                text(metaData.get(EventMetadata.ACTOR)),
                text(metaData.get(EventMetadata.ROLE)),
                text(metaData.get(EventMetadata.AGENCY)),
                text(metaData.get(EventMetadata.CORRELATION_ID)));
    }

    /** The four keys of a flat JSON object, or {@code null} when the text is not one whose values for them are plain. */
    private static Acting read(String json) {
        String actor = null;
        String role = null;
        String agency = null;
        String correlationId = null;
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                boolean ours = name.equals(EventMetadata.ACTOR)
                        || name.equals(EventMetadata.ROLE)
                        || name.equals(EventMetadata.AGENCY)
                        || name.equals(EventMetadata.CORRELATION_ID);
                if (!ours) {
                    parser.skipChildren();
                    continue;
                }
                if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
                    return null;
                }
                String text = value == JsonToken.VALUE_NULL ? null : parser.getText();
                switch (name) {
                    case EventMetadata.ACTOR -> actor = text;
                    case EventMetadata.ROLE -> role = text;
                    case EventMetadata.AGENCY -> agency = text;
                    default -> correlationId = text;
                }
            }
            return token == JsonToken.END_OBJECT ? new Acting(actor, role, agency, correlationId) : null;
        } catch (IOException unreadable) {
            return null;
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}

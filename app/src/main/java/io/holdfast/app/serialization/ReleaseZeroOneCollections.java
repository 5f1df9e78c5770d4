package io.holdfast.app.serialization;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Reads the collections of records Holdfast 0.1.0 stored. It wrote every list, set and map with
 * Jackson's default typing, as {@code ["java.util.ImmutableCollections$List12", [...]]}; this
 * reads such a pair as its value and never looks the named class up, so no stored text can make
 * Holdfast load a class. A plain array or object reads as it always did.
 */
final class ReleaseZeroOneCollections extends SimpleModule {

    /** The class names 0.1.0 wrote: the JDK's own collections. */
    private static final Pattern JDK_COLLECTION = Pattern.compile("java\\.util\\.[A-Za-z0-9_.$]+");

    ReleaseZeroOneCollections() {
        super("holdfast-0.1.0-collections");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(
                    DeserializationConfig config,
                    CollectionType type,
                    BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return new Unwrapping(deserializer);
            }

            @Override
            public JsonDeserializer<?> modifyMapDeserializer(
                    DeserializationConfig config,
                    MapType type,
                    BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return new Unwrapping(deserializer);
            }
        });
    }

    private static final class Unwrapping extends JsonDeserializer<Object>
            implements ContextualDeserializer, ResolvableDeserializer {

        private final JsonDeserializer<?> plain;

        Unwrapping(JsonDeserializer<?> plain) {
            this.plain = plain;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                return plain.deserialize(parser, context);
            }
            JsonNode array = context.readTree(parser);
            JsonNode value = array.size() == 2
                            && array.get(0).isTextual()
                            && JDK_COLLECTION.matcher(array.get(0).asText()).matches()
                            && (array.get(1).isArray() || array.get(1).isObject())
                    ? array.get(1)
                    : array;
            JsonParser valueParser = value.traverse(parser.getCodec());
            valueParser.nextToken();
            return plain.deserialize(valueParser, context);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual =
                    plain instanceof ContextualDeserializer c ? c.createContextual(context, property) : plain;
            return contextual == plain ? this : new Unwrapping(contextual);
        }

        @Override
        public void resolve(DeserializationContext context) throws JsonMappingException {
            if (plain instanceof ResolvableDeserializer resolvable) {
                resolvable.resolve(context);
            }
        }

        @Override
        public Object getNullValue(DeserializationContext context) throws JsonMappingException {
            return plain.getNullValue(context);
        }
    }
}

package io.holdfast.app.request;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies are read exactly as sent: a legal record takes what was meant, so a JSON number
 * or boolean where the contract says text, a number where it says an instant, and an enum value
 * with anything around its name are refused (a 400 naming the field) instead of coerced. Jackson
 * would turn {@code 42} into {@code "42"}, a number into an instant from the epoch, and trim
 * {@code "SANCTIONS_MATCH\u0000"} to a match. Only the HTTP mapper: stored events are read by their
 * own serializer.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictRequestBodies() {
        SimpleModule strict = new SimpleModule("holdfast-strict-input");
        strict.addDeserializer(Instant.class, new TextualInstant());
        strict.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(
                    DeserializationConfig config,
                    JavaType type,
                    BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return new ExactEnum(type.getRawClass());
            }
        });
        return builder -> builder.modulesToInstall(strict)
                .postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /**
     * An instant is RFC 3339 text, whose years have four digits; a number is not read as seconds from
     * the epoch, and {@code +999999999-12-31T23:59:59Z} is not taken, as no reader could write it back.
     */
    static final class TextualInstant extends StdDeserializer<Instant> {

        private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
        private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

        TextualInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                Instant instant = InstantDeserializer.INSTANT.deserialize(parser, context);
                if (instant.isBefore(FIRST) || instant.isAfter(LAST)) {
                    return (Instant) context.handleWeirdStringValue(
                            Instant.class, parser.getText(), "must be an RFC 3339 instant, in the years 0001 to 9999");
                }
                return instant;
            }
            return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        }
    }

    /** An enum value is exactly one of the names, as the contract lists them. */
    static final class ExactEnum extends StdDeserializer<Object> {

        private final Class<?> type;

        ExactEnum(Class<?> type) {
            super(type);
            this.type = type;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                String given = parser.getText();
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(given)) {
                        return constant;
                    }
                }
                return context.handleWeirdStringValue(
                        type,
                        given,
                        "must be one of %s",
                        Arrays.stream(type.getEnumConstants())
                                .map(constant -> ((Enum<?>) constant).name())
                                .collect(Collectors.joining(", ")));
            }
            return context.handleUnexpectedToken(type, parser);
        }
    }
}

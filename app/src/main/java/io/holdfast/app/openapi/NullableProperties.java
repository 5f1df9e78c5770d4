package io.holdfast.app.openapi;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.stereotype.Component;

/**
 * A property Holdfast may write or take as {@code null} says so in the contract (OpenAPI 3.1's
 * {@code type: [..., "null"]}, or a reference or null), as an unknown agency, a match not made or a
 * verification without a difference is written: every property but a Java primitive and one a
 * request requires. An amount Holdfast writes as text is a string of decimal digits, not a number.
 * A client generated in a strict language then reads the answers it gets.
 */
@Component
class NullableProperties implements PropertyCustomizer {

    @Override
    @SuppressWarnings("rawtypes")
    public Schema customize(Schema property, AnnotatedType type) {
        if (property == null) {
            return null;
        }
        Schema exact = decimalAsText(type) ? ExactSchemas.decimalText(property.getDescription()) : property;
        if (primitive(type.getType()) || required(type.getCtxAnnotations())) {
            return exact;
        }
        return ExactSchemas.nullable(exact);
    }

    /** An amount Holdfast writes as text ({@code @JsonFormat(shape = STRING)}), not as a JSON number. */
    private static boolean decimalAsText(AnnotatedType type) {
        Type raw = type.getType() instanceof JavaType javaType ? javaType.getRawClass() : type.getType();
        if (raw != java.math.BigDecimal.class || type.getCtxAnnotations() == null) {
            return false;
        }
        for (Annotation annotation : type.getCtxAnnotations()) {
            if (annotation instanceof JsonFormat format && format.shape() == JsonFormat.Shape.STRING) {
                return true;
            }
        }
        return false;
    }

    private static boolean primitive(Type type) {
        if (type instanceof JavaType javaType) {
            return javaType.isPrimitive();
        }
        return type instanceof Class<?> raw && raw.isPrimitive();
    }

    private static boolean required(Annotation[] annotations) {
        if (annotations == null) {
            return false;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof NotNull || annotation instanceof NotBlank || annotation instanceof NotEmpty) {
                return true;
            }
        }
        return false;
    }
}

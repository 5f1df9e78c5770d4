package io.holdfast.app.openapi;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JavaType;
import io.holdfast.kernel.AssetAmount;
import io.holdfast.kernel.Require;
import io.holdfast.kernel.Sha256;
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
 * request requires. An amount Holdfast writes as text is a string of decimal digits, not a number;
 * a digest, an identifier and an asset code carry the kernel's pattern for them, and other text the
 * kernel's rule for free text (no control characters but line breaks and tabs).
 * A client generated in a strict language then reads the answers it gets.
 */
@Component
class NullableProperties implements PropertyCustomizer {

    /** The patterns of the values a property holds, by its name: the kernel's own rules. */
    private static final java.util.Map<String, String> PATTERNS = java.util.Map.of(
            "sha256", Sha256.PATTERN,
            "documentSha256", Sha256.PATTERN,
            "caseId", Require.IDENTIFIER_PATTERN,
            "warrantId", Require.IDENTIFIER_PATTERN,
            "requestId", Require.IDENTIFIER_PATTERN,
            "asset", AssetAmount.ASSET_CODE_PATTERN);

    @Override
    @SuppressWarnings("rawtypes")
    public Schema customize(Schema property, AnnotatedType type) {
        if (property == null) {
            return null;
        }
        Schema exact = decimalAsText(type) ? ExactSchemas.decimalText(property.getDescription()) : property;
        String pattern = type.getPropertyName() == null ? null : PATTERNS.get(type.getPropertyName());
        if (pattern == null && exact.getFormat() == null && exact.getEnum() == null) {
            pattern = Require.FREE_TEXT_PATTERN;
        }
        if (pattern != null
                && exact.getPattern() == null
                && ExactSchemas.typesOf(exact).contains("string")) {
            // @NotBlank text holds something other than white space
            exact.setPattern((notBlank(type.getCtxAnnotations()) ? "^(?=[\\s\\S]*\\S)" : "^") + pattern + "$");
        }

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

    private static boolean notBlank(Annotation[] annotations) {
        if (annotations == null) {
            return false;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof NotBlank) {
                return true;
            }
        }
        return false;
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

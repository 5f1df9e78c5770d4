package io.holdfast.app.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the wire holds, said exactly in the contract's schemas, with {@link NullableProperties}: an
 * amount written as text is a string of decimal digits; a property that may be null says so, and a
 * list's items never are.
 */
final class ExactSchemas {

    static final String DECIMAL_TEXT = "^-?[0-9]{1,30}(\\.[0-9]{1,18})?$";

    private ExactSchemas() {}

    static void apply(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        schemas.values().forEach(ExactSchemas::exact);
        Schema reason = schemas.get("ReasonBody");
        if (reason != null) {
            reason.addAllOfItem(requiredWhen("SANCTIONS_MATCH", "list", "listEntryId"));
            reason.addAllOfItem(requiredWhen("LAW_ENFORCEMENT_REQUEST", "agency"));
        }
    }

    /** A flag's reason names what its type needs: a sanctions match its list and entry, a request its agency. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema requiredWhen(String type, String... fields) {
        Schema condition = new Schema();
        condition.setIf(
                new Schema().addProperty("type", new Schema()._const(type)).required(List.of("type")));
        Schema then = new Schema().required(List.of(fields));
        for (String field : fields) {
            then.addProperty(field, new StringSchema().minLength(1));
        }
        condition.setThen(then);
        return condition;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void exact(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        for (Map.Entry<String, Schema> property : new ArrayList<>(properties.entrySet())) {
            Schema value = property.getValue();
            if (value.getItems() != null) {
                value.setItems(nonNull(value.getItems()));
            }
            properties.put(property.getKey(), value);
        }
    }

    /** An amount as Holdfast writes it: a decimal as text. */
    @SuppressWarnings("rawtypes")
    static Schema decimalText(String description) {
        return new StringSchema()
                .pattern(DECIMAL_TEXT)
                .description(description == null ? "a decimal written as text, exactly as given" : description);
    }

    /** A list's items are never null: Holdfast refuses null entries and writes none. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nonNull(Schema items) {
        if (items.getAnyOf() != null && items.getAnyOf().size() == 2) {
            for (Object each : items.getAnyOf()) {
                if (((Schema) each).get$ref() != null) {
                    return new Schema().$ref(((Schema) each).get$ref());
                }
            }
        }
        if (items.getTypes() != null && items.getTypes().contains("null")) {
            Set<String> types = new LinkedHashSet<>(items.getTypes());
            types.remove("null");
            items.setTypes(types);
        }
        return items;
    }

    /** The property may also be {@code null}: a type of its own, or a reference or null. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema nullable(Schema property) {
        if (property.get$ref() != null) {
            Schema reference = new Schema().$ref(property.get$ref());
            Schema either = new Schema();
            either.setAnyOf(List.of(reference, new Schema().types(Set.of("null"))));
            either.setDescription(property.getDescription());
            return either;
        }
        Set<String> types = typesOf(property);
        if (types.isEmpty() || types.contains("null")) {
            return property;
        }
        if (property.getEnum() != null) {
            // null is no value of the enum: either one of its values, or null
            Schema either = new Schema();
            either.setAnyOf(List.of(property, new Schema().types(Set.of("null"))));
            return either;
        }
        Set<String> withNull = new LinkedHashSet<>(types);
        withNull.add("null");
        property.setTypes(withNull);
        property.setType(null);
        return property;
    }

    @SuppressWarnings("rawtypes")
    static Set<String> typesOf(Schema schema) {
        Set<String> types = new LinkedHashSet<>();
        if (schema.getTypes() != null) {
            types.addAll(schema.getTypes());
        }
        if (schema.getType() != null) {
            types.add(schema.getType());
        }
        return types;
    }
}

package io.holdfast.app.serialization;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's Jackson serializer, naming Holdfast's stored types by {@link StoredTypeNames} instead of
 * their Java class names. Axon's own types (tracking tokens and the like) keep their class names.
 */
final class StoredRecordSerializer extends JacksonSerializer {

    StoredRecordSerializer(Builder builder) {
        super(builder);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        if (type == null) {
            return super.typeForClass(null);
        }
        return StoredTypeNames.nameOf(type)
                .<SerializedType>map(name ->
                        new SimpleSerializedType(name, getRevisionResolver().revisionOf(type)))
                .orElseGet(() -> super.typeForClass(type));
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        return StoredTypeNames.classOf(serializedType.getName())
                .map(Class::getName)
                .orElseGet(serializedType::getName);
    }
}

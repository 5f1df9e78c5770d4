package io.holdfast.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A warrant's identity within its case. */
public record WarrantId(String value) {

    @JsonCreator
    public WarrantId {
        Require.identifier("warrantId", value);
    }

    public static WarrantId of(String value) {
        return new WarrantId(value);
    }

    public static WarrantId generate() {
        return new WarrantId(UUID.randomUUID().toString());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}

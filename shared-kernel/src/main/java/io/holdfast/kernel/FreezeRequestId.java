package io.holdfast.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A freeze request's identity within its case. */
public record FreezeRequestId(String value) {

    @JsonCreator
    public FreezeRequestId {
        Require.identifier("freezeRequestId", value);
    }

    public static FreezeRequestId of(String value) {
        return new FreezeRequestId(value);
    }

    public static FreezeRequestId generate() {
        return new FreezeRequestId(UUID.randomUUID().toString());
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

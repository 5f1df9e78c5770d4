package io.holdfast.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A freeze case's identity; clients may choose it, otherwise it is a generated UUID. */
public record CaseId(String value) {

    @JsonCreator
    public CaseId {
        Require.identifier("caseId", value);
    }

    public static CaseId of(String value) {
        return new CaseId(value);
    }

    public static CaseId generate() {
        return new CaseId(UUID.randomUUID().toString());
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

package io.holdfast.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The exchange's own identifier of a customer account. */
public record AccountId(String value) {

    @JsonCreator
    public AccountId {
        Require.identifier("accountId", value);
    }

    public static AccountId of(String value) {
        return new AccountId(value);
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

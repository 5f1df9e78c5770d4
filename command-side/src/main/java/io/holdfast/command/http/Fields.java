package io.holdfast.command.http;

import io.holdfast.kernel.InvalidValueException;
import java.util.function.Supplier;

/** Builds values from request fields, so a rejection names the field as the client sent it. */
public final class Fields {

    private Fields() {}

    /** Builds the value of one field; its rule names that field. */
    public static <T> T named(String field, Supplier<T> builder) {
        try {
            return builder.get();
        } catch (InvalidValueException invalid) {
            throw new InvalidValueException(field, invalid.rule());
        }
    }

    /** Builds a value belonging to {@code path} (such as {@code holdings[2]}); its rule names that path. */
    public static <T> T within(String path, Supplier<T> builder) {
        try {
            return builder.get();
        } catch (InvalidValueException invalid) {
            String field = invalid.field();
            String leaf = field.substring(field.lastIndexOf('.') + 1);
            throw new InvalidValueException(path + "." + leaf, invalid.rule());
        }
    }
}

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

    /** A whole-number query parameter, {@code null} when not given. */
    public static Integer wholeNumber(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(name, "must be a whole number");
        }
    }
}

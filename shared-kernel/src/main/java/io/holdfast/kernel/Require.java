package io.holdfast.kernel;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Checks that values of the published language share, each failing with the field's name. */
public final class Require {

    /** Identifiers travel in URLs and logs: letters, digits and a few separators only. */
    public static final String IDENTIFIER_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    private static final Pattern IDENTIFIER = Pattern.compile(IDENTIFIER_PATTERN);

    /** Free text holds no control characters but line breaks and tabs: they hide text from whoever reads it. */
    public static final String FREE_TEXT_PATTERN = "[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*";

    private static final Pattern FREE_TEXT = Pattern.compile(FREE_TEXT_PATTERN);

    private Require() {}

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, "is required");
        }
        return value;
    }

    public static String identifier(String field, String value) {
        present(field, value);
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new InvalidValueException(
                    field, "must be 1 to 64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        }
        return value;
    }

    public static String text(String field, String value, int maxLength) {
        present(field, value);
        if (value.isBlank()) {
            throw new InvalidValueException(field, "must not be blank");
        }
        return optionalText(field, value, maxLength);
    }

    public static String optionalText(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidValueException(field, "must be at most " + maxLength + " characters");
        }
        if (!FREE_TEXT.matcher(value).matches()) {
            throw new InvalidValueException(field, "must not contain control characters");
        }
        return value;
    }

    public static <T> List<T> list(String field, Collection<T> values, int maxSize) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > maxSize) {
            throw new InvalidValueException(field, "must have at most " + maxSize + " entries");
        }
        for (T value : values) {
            if (value == null) {
                throw new InvalidValueException(field, "must not contain null entries");
            }
        }
        return List.copyOf(values);
    }

    public static <T> List<T> nonEmptyList(String field, Collection<T> values, int maxSize) {
        List<T> copy = list(field, values, maxSize);
        if (copy.isEmpty()) {
            throw new InvalidValueException(field, "must not be empty");
        }
        return copy;
    }

    public static void after(String field, Instant value, String otherField, Instant other) {
        if (value != null && other != null && !value.isAfter(other)) {
            throw new InvalidValueException(field, "must be after " + otherField);
        }
    }
}

package io.holdfast.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A law-enforcement or regulatory agency, by its short upper-case code ({@code FBI}, {@code HSI}, {@code OFAC}). */
public record AgencyCode(String value) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_-]{1,31}");

    @JsonCreator
    public AgencyCode {
        Require.present("agency", value);
        if (!CODE.matcher(value).matches()) {
            throw new InvalidValueException("agency", "must be 2 to 32 upper-case letters, digits, '_' or '-'");
        }
    }

    public static AgencyCode of(String value) {
        return new AgencyCode(value);
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

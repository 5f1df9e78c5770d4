package io.holdfast.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Pattern;

/** A SHA-256 digest of a document, as 64 hexadecimal characters (kept lower-case). */
public record Sha256(String hex) {

    public static final String PATTERN = "[0-9a-fA-F]{64}";

    private static final Pattern HEX64 = Pattern.compile(PATTERN);

    public Sha256 {
        Require.present("sha256", hex);
        if (!HEX64.matcher(hex).matches()) {
            throw new InvalidValueException("sha256", "must be 64 hexadecimal characters");
        }
        hex = hex.toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Sha256 of(String hex) {
        return new Sha256(hex);
    }

    @JsonValue
    @Override
    public String hex() {
        return hex;
    }

    @Override
    public String toString() {
        return hex;
    }
}

package io.holdfast.command.freezecase.http;

import io.holdfast.kernel.InvalidValueException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code If-Match} header: the case version a client expects its command to apply to. */
final class ExpectedVersion {

    private static final Pattern QUOTED_VERSION = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private ExpectedVersion() {}

    /** The expected version, or {@code null} when the client set no condition (no header, or {@code *}). */
    static Long from(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher matcher = QUOTED_VERSION.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new InvalidValueException(
                    "If-Match", "must be a case version in quotes, as given in the ETag, such as \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}

package io.holdfast.query.http;

import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.InvalidValueException;
import io.holdfast.kernel.PageRequest;
import io.holdfast.kernel.Role;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/** Query parameters of the read API, each parsed with a rejection that names the parameter. */
public final class ReadParameters {

    public static final int MAX_PAGE_SIZE = PageRequest.MAX_SIZE;

    private ReadParameters() {}

    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(name, "must be an ISO-8601 instant in UTC, such as 2023-05-24T15:00:00Z");
        }
    }

    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static int page(String value) {
        return PageRequest.parse(value, null).page();
    }

    public static int size(String value) {
        return PageRequest.parse(null, value).size();
    }

    /** A whole-number parameter that must be given. */
    public static long required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(name, "is required");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(name, "must be a whole number");
        }
    }

    public static Long version(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new InvalidValueException(name, "must be a case version, 0 or more");
            }
            return version;
        } catch (NumberFormatException e) {
            throw new InvalidValueException(name, "must be a case version, 0 or more");
        }
    }

    public static AgencyCode agency(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AgencyCode.of(value);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(name, e.rule());
        }
    }

    public static CaseId caseId(String value) {
        try {
            return CaseId.of(value);
        } catch (InvalidValueException invalid) {
            throw new InvalidValueException("caseId", invalid.rule());
        }
    }

    /** The account a path names: required, unlike the optional {@code accountId} filter below. */
    public static AccountId accountId(String value) {
        try {
            return AccountId.of(value);
        } catch (InvalidValueException invalid) {
            throw new InvalidValueException("accountId", invalid.rule());
        }
    }

    public static AccountId accountId(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AccountId.of(value);
        } catch (InvalidValueException invalid) {
            throw new InvalidValueException(name, invalid.rule());
        }
    }

    /** The agency a caller's reads are confined to: a liaison's own; nobody else is confined. */
    public static AgencyCode confinedTo(Actor actor) {
        return actor.role() == Role.LIAISON ? actor.agency() : null;
    }
}

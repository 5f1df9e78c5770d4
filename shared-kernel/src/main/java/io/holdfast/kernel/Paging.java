package io.holdfast.kernel;

/** How every list of the API is paged: {@code page} from 0, {@code size} 1 to 200 (20 when not given). */
public final class Paging {

    public static final int MAX_PAGE_SIZE = 200;
    private static final int DEFAULT_SIZE = 20;
    private static final int MAX_PAGE = 1_000_000;

    private Paging() {}

    public static int page(String value) {
        int page = integer("page", value, 0);
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidValueException("page", "must be between 0 and " + MAX_PAGE);
        }
        return page;
    }

    public static int size(String value) {
        int size = integer("size", value, DEFAULT_SIZE);
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidValueException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return size;
    }

    private static int integer(String name, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(name, "must be a whole number");
        }
    }
}

package io.holdfast.kernel;

/** One page of a list: {@code page} counted from 0, {@code size} 1 to 200 items; 20 when not given. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_PAGE = 1_000_000;

    public PageRequest {
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidValueException("page", "must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidValueException("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    /** The page asked for, the first page and the default size where a caller names none. */
    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    /** A page from its text form, as a caller writes it: each part a whole number, or absent. */
    public static PageRequest parse(String page, String size) {
        return of(wholeNumber("page", page), wholeNumber("size", size));
    }

    private static Integer wholeNumber(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException(name, "must be a whole number");
        }
    }

    /** How many items come before this page. */
    public long offset() {
        return (long) page * size;
    }
}

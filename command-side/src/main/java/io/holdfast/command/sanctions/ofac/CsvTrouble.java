package io.holdfast.command.sanctions.ofac;

/** What commons-csv found wrong, in its own words but without its class names. */
public final class CsvTrouble {

    private CsvTrouble() {}

    public static String describe(Throwable trouble) {
        Throwable innermost = trouble;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage() == null ? "unreadable" : innermost.getMessage();
        return message.replaceAll("([a-z]+\\.)+[A-Za-z]*(Exception|Error):\\s*", "")
                .replaceAll("\\(startline \\d+\\)\\s*", "")
                .strip();
    }
}

package io.holdfast.query.http;

/**
 * What a read waiting for a version ({@code ?minVersion=}) says when the wait ended before the
 * view reached it: the answer it has, with HTTP's warning 110, "response is stale", naming both
 * versions so that a client knows to ask again.
 */
public final class StaleAnswer {

    public static final String HEADER = "Warning";

    private StaleAnswer() {}

    /** {@code what}: the read's name for a client ("view", "history"). */
    public static String warning(String what, long at, long wanted) {
        return "110 holdfast \"the " + what + " is at version " + at + " and has not yet reached version " + wanted
                + "; ask again shortly\"";
    }
}

package io.holdfast.app.problem;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells a failure caused by the store's disk being full from every other: nothing was recorded, and
 * the remedy is room on the disk, which an operator makes; Holdfast resumes by itself once it has it.
 */
public final class StoreFull {

    /** PostgreSQL's SQL state for a full disk. */
    static final String POSTGRES_DISK_FULL = "53100";

    private StoreFull() {}

    /** What the store could not write, or empty when the failure is of another kind. */
    public static Optional<String> reason(Throwable failure) {
        return DatabaseAway.firstCause(failure, StoreFull::full)
                .map(cause -> cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    private static boolean full(Throwable cause) {
        // ENOSPC as the JDK words it on Linux and macOS; the embedded store's file is written through the JDK
        return cause instanceof IOException
                        && String.valueOf(cause.getMessage()).contains("No space left on device")
                || cause instanceof SQLException sql && POSTGRES_DISK_FULL.equals(sql.getSQLState());
    }
}

package io.holdfast.app.storage;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * The pool's rule for the embedded store: H2 closes its database when it cannot write its file (a
 * full disk, a failing device) and every connection to it answers "database closed" from then on; the
 * pool drops such a connection instead of handing it out again, so a fresh one opens the file anew
 * once it can be written, and Holdfast resumes without a restart. Named in application.yml.
 */
public class ClosedEmbeddedStoreEvicted implements SQLExceptionOverride {

    /** H2's error code for a database it closed after a failed write (ErrorCode.DATABASE_IS_CLOSED). */
    static final int DATABASE_IS_CLOSED = 90098;

    /** H2's error code for a database shut down under a connection (ErrorCode.DATABASE_CALLED_AT_SHUTDOWN). */
    static final int DATABASE_SHUT_DOWN = 90121;

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        return failure.getErrorCode() == DATABASE_IS_CLOSED || failure.getErrorCode() == DATABASE_SHUT_DOWN
                ? Override.MUST_EVICT
                : Override.CONTINUE_EVICT;
    }
}

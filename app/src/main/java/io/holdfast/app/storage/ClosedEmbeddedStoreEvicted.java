package io.holdfast.app.storage;

import com.zaxxer.hikari.SQLExceptionOverride;
import io.holdfast.app.problem.DatabaseAway;
import java.sql.SQLException;

/**
 * The pool's rule for the embedded store: H2 closes its database when it cannot write its file (a
 * full disk, a failing device) and every connection to it answers "database closed" from then on; the
 * pool drops such a connection instead of handing it out again, so a fresh one opens the file anew
 * once it can be written, and Holdfast resumes without a restart. Named in application.yml.
 */
public class ClosedEmbeddedStoreEvicted implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        return DatabaseAway.firstCause(failure, DatabaseAway::embeddedStoreClosed)
                        .isPresent()
                ? Override.MUST_EVICT
                : Override.CONTINUE_EVICT;
    }
}

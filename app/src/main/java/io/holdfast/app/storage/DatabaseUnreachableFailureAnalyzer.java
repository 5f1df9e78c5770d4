package io.holdfast.app.storage;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * When Holdfast cannot reach or sign in to its database, start-up ends with one clear sentence
 * naming the setting to fix, instead of a page of stack traces.
 */
public class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        String setting;
        if (state.equals("28P01") || state.equals("28000")) {
            setting = "SPRING_DATASOURCE_USERNAME / SPRING_DATASOURCE_PASSWORD (the database refused the credentials)";
        } else if (state.startsWith("08") || state.equals("3D000")) {
            setting = "SPRING_DATASOURCE_URL (no database answers there, or it does not exist)";
        } else {
            return null;
        }
        return new FailureAnalysis(
                "Holdfast cannot use its database: " + cause.getMessage(), "Check " + setting + ".", cause);
    }
}

package io.holdfast.benchmarks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The one number a query answers. */
final class Sql {

    private Sql() {}

    static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}

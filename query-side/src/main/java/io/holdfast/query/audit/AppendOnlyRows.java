package io.holdfast.query.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * An H2 trigger that refuses to update or delete a row: the audit trail is append-only. Truncation
 * (a replay's reset) fires no row trigger.
 */
public class AppendOnlyRows implements Trigger {

    private String table;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type) {
        this.table = table;
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(table + " is append-only: its rows cannot be updated or deleted", "HF001");
    }
}

package io.holdfast.app.storage;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * An H2 trigger that refuses to update or delete a stored event: the event store is the proof of
 * every case and is only ever appended to.
 */
public class EventStoreAppendOnly implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("stored events are append-only: they cannot be updated or deleted", "HF001");
    }
}

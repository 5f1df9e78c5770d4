package io.holdfast.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.performance.TrackedEventsWithGaps;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a projection reads after its position when it remembers gaps: exactly the events in the gaps
 * and the next batch after the position, in global-index order, nothing twice. Run on each database.
 */
public abstract class TrackedEventsWithGapsContract {

    /** A connection to a database migrated by Holdfast's Flyway scripts, its event table empty. */
    protected abstract Connection migratedDatabase() throws SQLException;

    /** The gap read as Holdfast sends it, with parameters: position, position plus batch size, then the gaps. */
    protected static String gapRead(int gapCount) {
        return TrackedEventsWithGaps.sql(JdbcEventStoreConfiguration.holdfastSchema(), gapCount);
    }

    @Test
    void readsTheGapsAndTheNextBatchInOrder() throws SQLException {
        try (Connection connection = migratedDatabase()) {
            for (long index = 1; index <= 12; index++) {
                append(connection, index);
            }
            // the token stands at 6 and remembers 2 and 4 as not yet committed; 3 and 5 it has seen
            assertThat(read(connection, 6, 4, List.of(2L, 4L))).containsExactly(2L, 4L, 7L, 8L, 9L, 10L);
            assertThat(read(connection, 6, 4, List.of(5L))).containsExactly(5L, 7L, 8L, 9L, 10L);
            // a gap still empty (its transaction not committed, or rolled back) yields nothing
            assertThat(read(connection, 12, 4, List.of(11L, 40L))).containsExactly(11L);
        }
    }

    private static List<Long> read(Connection connection, long position, int batchSize, List<Long> gaps)
            throws SQLException {
        List<Long> indexes = new ArrayList<>();
        try (PreparedStatement statement = new TrackedEventsWithGaps()
                        .build(connection, JdbcEventStoreConfiguration.holdfastSchema(), position, batchSize, gaps);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                indexes.add(rows.getLong("global_index"));
                assertThat(rows.getString("aggregate_identifier")).isEqualTo("CASE-" + rows.getLong("global_index"));
            }
        }
        return indexes;
    }

    private static void append(Connection connection, long index) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into domain_event_entry (global_index, "
                        + "aggregate_identifier, sequence_number, type, event_identifier, payload_type, payload, meta_data, time_stamp) "
                        + "values (?, ?, 0, 'FreezeCase', ?, 'io.holdfast.kernel.freezecase.AccountFlagged', ?, ?, '2026-11-29T10:00:00Z')")) {
            insert.setLong(1, index);
            insert.setString(2, "CASE-" + index);
            insert.setString(3, "event-" + index);
            insert.setBytes(4, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, "{}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }
}

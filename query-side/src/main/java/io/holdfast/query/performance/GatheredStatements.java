package io.holdfast.query.performance;

import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.query.readmodel.CaseParties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A batch's statements for a projection whose writes are each idempotent and whose effects on one
 * row only move forward (so running all of one statement, then all of the next, in the order they
 * were first added, ends where running them event by event does): the agencies party to the cases
 * first, then one JDBC batch per statement.
 */
public final class GatheredStatements implements BatchedWrites.Batch {

    private final JdbcTemplate jdbc;
    private final CaseParties parties;
    private final List<CaseEvent> events = new ArrayList<>();
    private final Map<String, List<Object[]>> statements = new LinkedHashMap<>();

    public GatheredStatements(JdbcTemplate jdbc, CaseParties parties) {
        this(jdbc, parties, List.of());
    }

    /**
     * {@code inOrder}: statements that must run in this order whichever an event adds first (rows are
     * inserted before any statement changes them).
     */
    public GatheredStatements(JdbcTemplate jdbc, CaseParties parties, List<String> inOrder) {
        this.jdbc = jdbc;
        this.parties = parties;
        inOrder.forEach(sql -> statements.put(sql, new ArrayList<>()));
    }

    /** The event, for the agencies it makes party to its case. */
    public void add(CaseEvent event) {
        events.add(event);
    }

    public void add(String sql, Object... arguments) {
        statements.computeIfAbsent(sql, key -> new ArrayList<>()).add(arguments);
    }

    @Override
    public void write() {
        parties.recordFrom(events);
        statements.forEach((sql, rows) -> {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(sql, rows);
            }
        });
    }
}

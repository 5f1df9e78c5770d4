package io.holdfast.query.audit;

import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.audit.AuditEntry;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.query.performance.InClause;
import io.holdfast.query.readmodel.CaseParties;
import io.holdfast.query.readmodel.ReadTimes;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The audit trail's tables. Rows are only ever inserted: there is no update here, and the database
 * refuses updates and deletes (a trigger); only a replay empties the table, by truncation.
 */
@Repository
class AuditRepository {

    private static final String COLUMNS = """
            case_id, sequence, global_index, event_id, event_type, payload_type, payload_revision, occurred_at_iso,
            actor, role, agency, correlation_id, payload, metadata, previous_hash, hash""";

    private static final String READ = AuditEntryRows.READ;

    private static final RowMapper<AuditEntry> ENTRY = AuditEntryRows.ENTRY;

    private final JdbcTemplate jdbc;

    private final CaseParties parties;

    private final AuditHours hours;

    AuditRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.parties = new CaseParties(jdbc, "audit_case_party");
        this.hours = new AuditHours(jdbc);
    }

    /** The newest row of a case's chain: its sequence and hash. */
    record ChainEnd(long sequence, String hash) {}

    /** The global indexes the event store gave these events, by event id; empty where the store keeps none here. */
    Map<String, Long> storedGlobalIndexes(List<String> eventIds) {
        Map<String, Long> indexes = new HashMap<>();
        try {
            for (List<String> some : InClause.chunks(eventIds)) {
                jdbc.query(
                        "select event_identifier, global_index from domain_event_entry where event_identifier in "
                                + InClause.of(some),
                        (RowCallbackHandler) row -> indexes.put(row.getString(1), row.getLong(2)),
                        some.toArray());
            }
        } catch (org.springframework.jdbc.BadSqlGrammarException noEventTableHere) {
            // Axon Server keeps the events: there is no table to read, and its tokens are the events' own indexes
            return Map.of();
        }
        return indexes;
    }

    /** The newest row of each of these cases' chains, by case id (cases without rows are absent): one key lookup each, in one statement. */
    Map<String, ChainEnd> chainEnds(Collection<String> caseIds) {
        Map<String, ChainEnd> ends = new HashMap<>();
        for (List<String> some : InClause.chunks(caseIds)) {
            String newestOfEach = String.join(
                    " union all ",
                    Collections.nCopies(
                            some.size(),
                            "(select case_id, sequence, hash from audit_entry where case_id = ? order by sequence desc limit 1)"));
            jdbc.query(
                    newestOfEach,
                    (RowCallbackHandler)
                            row -> ends.put(row.getString(1), new ChainEnd(row.getLong(2), row.getString(3))),
                    some.toArray());
        }
        return ends;
    }

    boolean contains(String caseId, long sequence) {
        Integer count = jdbc.queryForObject(
                "select count(*) from audit_entry where case_id = ? and sequence = ?", Integer.class, caseId, sequence);
        return count != null && count > 0;
    }

    /** The hash the entry at {@code sequence} chains to: its predecessor's (a key lookup), else the case's newest. */
    Optional<String> previousHash(String caseId, long sequence) {
        if (sequence == 0) {
            return Optional.empty();
        }
        Optional<String> predecessor = jdbc
                .query(
                        "select hash from audit_entry where case_id = ? and sequence = ?",
                        (row, i) -> row.getString(1),
                        caseId,
                        sequence - 1)
                .stream()
                .findFirst();
        if (predecessor.isPresent()) {
            return predecessor;
        }
        return jdbc
                .query(
                        "select hash from audit_entry where case_id = ? order by sequence desc limit 1",
                        (row, i) -> row.getString(1),
                        caseId)
                .stream()
                .findFirst();
    }

    /** A row to append, with the event's time as an instant for the time column (the entry keeps its text). */
    record NewEntry(AuditEntry entry, Instant occurredAt) {}

    /** Inserts the rows in one JDBC batch, and adds them to their hours' totals. */
    void appendAll(List<NewEntry> rows) {
        if (rows.isEmpty()) {
            return;
        }
        hours.add(rows.stream().map(NewEntry::occurredAt).toList());
        jdbc.batchUpdate(
                "insert into audit_entry (" + COLUMNS
                        + ", occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows.stream()
                        .map(row -> {
                            AuditEntry entry = row.entry();
                            return new Object[] {
                                entry.caseId(),
                                entry.sequence(),
                                entry.globalIndex(),
                                entry.eventId(),
                                entry.type(),
                                entry.payloadType(),
                                entry.revision(),
                                entry.occurredAt(),
                                entry.actor(),
                                entry.role(),
                                entry.agency(),
                                entry.correlationId(),
                                entry.payload(),
                                entry.metadata(),
                                entry.previousHash(),
                                entry.hash(),
                                ReadTimes.toColumn(row.occurredAt())
                            };
                        })
                        .toList());
    }

    void recordParties(List<CaseEvent> events) {
        parties.recordFrom(events);
    }

    boolean isVisible(String caseId, AgencyCode agency) {
        if (agency == null) {
            return true;
        }
        Integer count = jdbc.queryForObject(
                "select count(*) from audit_case_party where case_id = ? and agency = ?",
                Integer.class,
                caseId,
                agency.value());
        return count != null && count > 0;
    }

    /** Rows in the order they were appended for the case: by sequence, then by global index. */
    List<AuditEntry> history(String caseId) {
        return jdbc.query(READ + " where a.case_id = ? order by a.sequence, a.global_index", ENTRY, caseId);
    }

    /** The entries in [from, to): the kept hours' totals, and a count of rows only in the partial hours at its ends. */
    long count(Instant from, Instant to) {
        return hours.count(from, to, this::countRows);
    }

    private long countRows(Instant from, Instant to) {
        Long total = jdbc.queryForObject(
                "select count(*) from audit_entry a" + range(from, to), Long.class, rangeArguments(from, to));
        return total == null ? 0 : total;
    }

    /**
     * A page of the range in global-index order, {@code total} being the range's count. A page in the
     * range's second half is read from its end, so the newest pages cost what the oldest do instead of
     * skipping every entry before them.
     */
    List<AuditEntry> page(Instant from, Instant to, int page, int size, long total) {
        long offset = (long) page * size;
        boolean fromTheEnd = offset < total && offset * 2 >= total;
        long limit = fromTheEnd ? Math.min(size, total - offset) : size;
        Object[] range = rangeArguments(from, to);
        Object[] arguments = new Object[range.length + 2];
        System.arraycopy(range, 0, arguments, 0, range.length);
        arguments[range.length] = limit;
        arguments[range.length + 1] = fromTheEnd ? total - offset - limit : offset;
        List<AuditEntry> entries = jdbc.query(
                READ + range(from, to) + " order by a.global_index" + (fromTheEnd ? " desc" : "") + " limit ? offset ?",
                ENTRY,
                arguments);
        if (!fromTheEnd) {
            return entries;
        }
        List<AuditEntry> oldestFirst = new java.util.ArrayList<>(entries);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** The next rows of the range after global index {@code after}, at most {@code limit}: an export reads on with these. */
    List<AuditEntry> after(long after, Instant from, Instant to, int limit) {
        String where = range(from, to);
        where = where.isEmpty() ? " where a.global_index > ?" : where + " and a.global_index > ?";
        Object[] range = rangeArguments(from, to);
        Object[] arguments = new Object[range.length + 3];
        arguments[0] = after;
        System.arraycopy(range, 0, arguments, 1, range.length);
        arguments[range.length + 1] = after;
        arguments[range.length + 2] = limit;
        return jdbc.query(AuditEntryRows.READ_AFTER + where + " order by a.global_index limit ?", ENTRY, arguments);
    }

    void truncate() {
        // a replay's own way of emptying the append-only table: truncation fires no row trigger
        jdbc.execute("truncate table audit_entry");
        jdbc.execute("truncate table audit_case_party");
        hours.truncate();
    }

    private static String range(Instant from, Instant to) {
        if (from == null && to == null) {
            return "";
        }
        if (from != null && to != null) {
            return " where a.occurred_at >= ? and a.occurred_at < ?";
        }
        return from != null ? " where a.occurred_at >= ?" : " where a.occurred_at < ?";
    }

    private static Object[] rangeArguments(Instant from, Instant to) {
        if (from != null && to != null) {
            return new Object[] {ReadTimes.toColumn(from), ReadTimes.toColumn(to)};
        }
        if (from != null) {
            return new Object[] {ReadTimes.toColumn(from)};
        }
        return to != null ? new Object[] {ReadTimes.toColumn(to)} : new Object[0];
    }
}

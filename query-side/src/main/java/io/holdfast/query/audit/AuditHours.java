package io.holdfast.query.audit;

import io.holdfast.query.readmodel.ReadTimes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many audit entries each hour of event time holds, kept in the transaction that appends them,
 * so the trail's total over any range is the sum of its whole hours plus the entries of at most two
 * partial hours, and never a count of the whole trail.
 */
final class AuditHours {

    private static final String POSTGRES_ADD = """
            insert into audit_entry_hour (starts_at, entries) values (?, ?)
            on conflict (starts_at) do update set entries = audit_entry_hour.entries + excluded.entries""";

    private static final String STANDARD_ADD = """
            merge into audit_entry_hour h
            using (values (cast(? as timestamp(6) with time zone), cast(? as bigint))) n (starts_at, entries)
               on h.starts_at = n.starts_at
             when matched then update set entries = h.entries + n.entries
             when not matched then insert (starts_at, entries) values (n.starts_at, n.entries)""";

    /** Counts the trail's entries whose time is in [from, to); either end may be open. */
    interface EntriesBetween {
        long count(Instant from, Instant to);
    }

    private final JdbcTemplate jdbc;
    private volatile String add;

    AuditHours(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds these entries' times to their hours, hour by hour in time order so two writers never deadlock. */
    void add(Collection<Instant> occurredAt) {
        if (occurredAt.isEmpty()) {
            return;
        }
        Map<Instant, Long> byHour = occurredAt.stream()
                .collect(Collectors.groupingBy(
                        time -> time.truncatedTo(ChronoUnit.HOURS), TreeMap::new, Collectors.counting()));
        List<Object[]> rows = new ArrayList<>();
        byHour.forEach((hour, entries) -> rows.add(new Object[] {ReadTimes.toColumn(hour), entries}));
        jdbc.batchUpdate(addStatement(), rows);
    }

    /** The number of entries in [from, to), from the kept hours and, for partial hours at the ends, the rows. */
    long count(Instant from, Instant to, EntriesBetween rows) {
        Instant firstWholeHour = from == null ? null : ceilingHour(from);
        Instant endOfWholeHours = to == null ? null : to.truncatedTo(ChronoUnit.HOURS);
        if (firstWholeHour != null && endOfWholeHours != null && !firstWholeHour.isBefore(endOfWholeHours)) {
            return rows.count(from, to);
        }
        long total = wholeHours(firstWholeHour, endOfWholeHours);
        if (from != null && from.isBefore(firstWholeHour)) {
            total += rows.count(from, firstWholeHour);
        }
        if (to != null && endOfWholeHours.isBefore(to)) {
            total += rows.count(endOfWholeHours, to);
        }
        return total;
    }

    void truncate() {
        jdbc.execute("truncate table audit_entry_hour");
    }

    private long wholeHours(Instant from, Instant to) {
        List<Object> arguments = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (from != null) {
            where.append(" and starts_at >= ?");
            arguments.add(ReadTimes.toColumn(from));
        }
        if (to != null) {
            where.append(" and starts_at < ?");
            arguments.add(ReadTimes.toColumn(to));
        }
        Long total = jdbc.queryForObject(
                "select coalesce(sum(entries), 0) from audit_entry_hour" + where, Long.class, arguments.toArray());
        return total == null ? 0 : total;
    }

    private static Instant ceilingHour(Instant time) {
        Instant hour = time.truncatedTo(ChronoUnit.HOURS);
        return hour.equals(time) ? hour : hour.plus(1, ChronoUnit.HOURS);
    }

    private String addStatement() {
        if (add == null) {
            String product = jdbc.execute((ConnectionCallback<String>)
                    connection -> connection.getMetaData().getDatabaseProductName());
            // PostgreSQL before 15 has no MERGE; H2 has no ON CONFLICT ... DO UPDATE
            add = "PostgreSQL".equalsIgnoreCase(product) ? POSTGRES_ADD : STANDARD_ADD;
        }
        return add;
    }
}

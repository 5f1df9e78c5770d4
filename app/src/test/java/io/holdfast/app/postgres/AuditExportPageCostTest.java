package io.holdfast.app.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.query.audit.AuditEntryRows;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A page of the audit export, read after a global index, reads about as many database blocks at the
 * trail's end as at its start, counted by PostgreSQL's EXPLAIN (BUFFERS), never timed: a page that read
 * every ledger leaf before it made the whole export grow with the square of the trail.
 */
class AuditExportPageCostTest {

    private static final int ENTRIES = 20_000;
    private static final int PAGE = 500;
    private static final String PAGE_AFTER =
            AuditEntryRows.READ_AFTER + " where a.global_index > ? order by a.global_index limit ?";

    @Test
    void aPageAtTheTrailsEndReadsAboutAsManyBlocksAsOneAtItsStart() throws Exception {
        try (ConfigurableApplicationContext holdfast = PostgresSupport.start(PostgresSupport.newDatabase())) {
            // the ledger's writer would make leaves of the entries written here itself
            holdfast.getBean("ledgerSchedule", Lifecycle.class).stop();
            JdbcTemplate jdbc = holdfast.getBean(JdbcTemplate.class);
            jdbc.update("""
                    insert into audit_entry (case_id, sequence, global_index, event_id, event_type, payload_type,
                        occurred_at, occurred_at_iso, payload, previous_hash, hash)
                    select 'CASE-' || (i / 4), i % 4, i, 'E-' || i, 'NoteAdded', 'holdfast.case.NoteAdded', now(),
                           '2026-12-08T00:00:00Z', repeat('x', 400), repeat('0', 64), repeat('1', 64)
                      from generate_series(0, ? - 1) i""", ENTRIES);
            jdbc.update("""
                    insert into ledger_leaf (ledger_index, global_index, case_id, sequence, leaf_hash)
                    select i, i, 'CASE-' || (i / 4), i % 4, repeat('2', 64) from generate_series(0, ? - 1) i""", ENTRIES);
            jdbc.execute("analyze");

            long atTheStart = blocksRead(jdbc, 0);
            long atTheEnd = blocksRead(jdbc, ENTRIES - 2L * PAGE);

            assertThat(atTheEnd)
                    .as("blocks read by a page at the start: %d, at the end: %d", atTheStart, atTheEnd)
                    .isLessThanOrEqualTo(Math.round(atTheStart * 2.5) + 8);
        }
    }

    private static long blocksRead(JdbcTemplate jdbc, long after) throws Exception {
        String plan = jdbc.queryForObject(
                "explain (analyze, buffers, format json) " + PAGE_AFTER, String.class, after, after, PAGE);
        JsonNode top = new ObjectMapper().readTree(plan).get(0).get("Plan");
        assertThat(top.get("Actual Rows").asLong())
                .as("rows of the page after %d", after)
                .isEqualTo(PAGE);
        return top.get("Shared Hit Blocks").asLong()
                + top.get("Shared Read Blocks").asLong();
    }
}

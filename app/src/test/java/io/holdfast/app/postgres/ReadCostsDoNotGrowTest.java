package io.holdfast.app.postgres;

import static io.holdfast.app.http.Api.expect;
import static io.holdfast.app.http.Api.flagBody;
import static io.holdfast.app.http.Api.noteBody;
import static io.holdfast.app.postgres.PostgresSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.http.Api;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reads that once grew with the store (the case list's totals and last page, the list by status,
 * the audit trail's total and newest page, the open obligations) read about as many database blocks,
 * statement by statement, on a store twenty times larger: counted by PostgreSQL's pg_stat_statements,
 * never timed. A statement that walks the store reads twenty times the blocks; one that reads a page
 * by index reads more only as its indexes deepen.
 */
class ReadCostsDoNotGrowTest {

    private static final String OFFICER = token("officer", "OFFICER");
    private static final String SUPERVISOR = token("supervisor", "SUPERVISOR");
    private static final String AUDITOR = token("auditor", "AUDITOR");

    private static final int TEMPLATES = 20;
    private static final int SMALL = 500;
    private static final int LARGE = 10_000;

    @Test
    void eachStatementOfAReadReadsAboutAsManyBlocksOnAStoreTwentyTimesLarger() {
        Map<String, Long> small = blocksRead(SMALL);
        Map<String, Long> large = blocksRead(LARGE);
        large.forEach((statement, blocks) -> System.out.printf(
                "blocks read with %d and %d cases: %s, %s by %s%n",
                SMALL, LARGE, small.get(statement), blocks, statement));
        assertThat(large.keySet()).as("the statements of each read").containsAll(small.keySet());
        small.forEach((statement, blocks) -> assertThat(large.get(statement))
                .as(
                        "blocks read with %d cases: %d, with %d: %d, by %s",
                        SMALL, blocks, LARGE, large.get(statement), statement)
                .isLessThanOrEqualTo(Math.round(blocks * 2.5) + 8));
    }

    /**
     * Each read's blocks, by read, on a store of {@link #TEMPLATES} cases written through Holdfast and
     * copied in the event store to this many cases, every read model built from the copies by Holdfast's
     * own projections. The planner is told to read as it does on a large store (by index, not by scanning
     * a small table whole), so both sizes are read by the plans a real store uses.
     */
    private static Map<String, Long> blocksRead(int cases) {
        String url = PostgresSupport.newDatabase();
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        try (Connection admin = PostgresSupport.server().getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("alter database " + database + " set enable_seqscan = off");
            statement.execute("alter database " + database + " set enable_hashjoin = off");
            statement.execute("alter database " + database + " set enable_mergejoin = off");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (ConfigurableApplicationContext holdfast = PostgresSupport.start(url)) {
            Api api = PostgresSupport.api(holdfast);
            for (int i = 0; i < TEMPLATES; i++) {
                String caseId = "CASE-G-" + i;
                expect(
                        api.call()
                                .bearer(OFFICER)
                                .post("/api/cases", flagBody(caseId).replace("ACC-88123", "ACC-" + caseId)),
                        201);
                expect(api.call().bearer(OFFICER).post("/api/cases/" + caseId + "/notes", noteBody("looked")), 201);
            }
            awaitAudited(api, 2L * TEMPLATES);
            holdfast.getBean(JdbcTemplate.class).update(copies(cases / TEMPLATES - 1));
        }
        try (ConfigurableApplicationContext holdfast = PostgresSupport.start(url)) {
            Api api = PostgresSupport.api(holdfast);
            JdbcTemplate jdbc = holdfast.getBean(JdbcTemplate.class);
            awaitAudited(api, 2L * cases);
            quietLedger(holdfast, jdbc, 2L * cases);
            fileObligations(jdbc, cases);
            jdbc.execute("create extension if not exists pg_stat_statements");
            jdbc.execute("analyze");
            long lastCasePage = (cases - 1) / 20;
            long lastAuditPage = (2L * cases - 1) / 50;
            Map<String, String[]> reads = new LinkedHashMap<>();
            reads.put("the case list's first page", new String[] {"/api/cases?size=20", "case_summary"});
            reads.put(
                    "the case list's last page",
                    new String[] {"/api/cases?size=20&page=" + lastCasePage, "case_summary"});
            reads.put("the case list by status", new String[] {"/api/cases?status=FLAGGED&size=20", "case_summary"});
            reads.put("the audit trail's first page", new String[] {"/api/audit/events?size=50", "audit_entry"});
            reads.put(
                    "the audit trail's last page",
                    new String[] {"/api/audit/events?size=50&page=" + lastAuditPage, "audit_entry"});
            reads.put("the audit trail over a day", new String[] {
                "/api/audit/events?size=50&from="
                        + Instant.now().minus(Duration.ofDays(1)).toString(),
                "audit_entry"
            });
            reads.put(
                    "the open obligations",
                    new String[] {"/api/obligations?status=OPEN&size=20", "blocking_obligation"});
            Map<String, Long> blocks = new LinkedHashMap<>();
            reads.forEach((read, pathAndTable) -> {
                expect(api.call().bearer(SUPERVISOR).get(pathAndTable[0]), 200);
                jdbc.execute("select pg_stat_statements_reset()");
                expect(api.call().bearer(SUPERVISOR).get(pathAndTable[0]), 200);
                List<Map<String, Object>> statements = jdbc.queryForList("""
                        select query, shared_blks_hit + shared_blks_read as blocks from pg_stat_statements
                         where dbid = (select oid from pg_database where datname = current_database())
                           and query ilike ? and query not ilike '%pg_stat_statements%'
                           and query not ilike 'insert%' and query not ilike 'update%'""", "%" + pathAndTable[1] + "%");
                assertThat(statements).as("%s reads %s", read, pathAndTable[1]).isNotEmpty();
                statements.forEach(statement -> blocks.put(
                        read + ": " + normalized(String.valueOf(statement.get("query"))),
                        ((Number) statement.get("blocks")).longValue()));
            });
            return blocks;
        }
    }

    private static void awaitAudited(Api api, long entries) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (expect(api.call().bearer(AUDITOR).get("/api/audit/events?size=1"), 200)
                        .json()
                        .get("total")
                        .asLong()
                < entries) {
            assertThat(System.nanoTime())
                    .as("the audit trail reaches %d entries", entries)
                    .isLessThan(deadline);
            pause();
        }
    }

    /**
     * Waits until every audit entry is a leaf, then stops the ledger's writer: it reads the audit trail
     * in the background every second, and its statements are not the reads measured here.
     */
    private static void quietLedger(ConfigurableApplicationContext holdfast, JdbcTemplate jdbc, long entries) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (jdbc.queryForObject("select count(*) from ledger_leaf", Long.class) < entries) {
            assertThat(System.nanoTime())
                    .as("the ledger reaches %d leaves", entries)
                    .isLessThan(deadline);
            pause();
        }
        Lifecycle ledgerWriter = holdfast.getBean("ledgerSchedule", Lifecycle.class);
        ledgerWriter.stop();
        assertThat(ledgerWriter.isRunning()).as("the ledger's writer stopped").isFalse();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The statement with its literals and parameters alike, as pg_stat_statements shows either. */
    private static String normalized(String query) {
        return query.replaceAll("\\$\\d+|\\b\\d+\\b", "?").replaceAll("\\s+", " ");
    }

    /** The templates' events copied {@code copies} times under new case and account ids, in the templates' order. */
    private static String copies(int copies) {
        return """
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                    payload_type, payload_revision, payload, meta_data, time_stamp)
                select nextval('domain_event_entry_seq'), e.aggregate_identifier || '-c' || g, e.sequence_number, e.type,
                    e.event_identifier || '-c' || g, e.payload_type, e.payload_revision,
                    convert_to(replace(convert_from(e.payload, 'UTF8'),
                        e.aggregate_identifier || '"', e.aggregate_identifier || '-c' || g || '"'), 'UTF8'),
                    e.meta_data, e.time_stamp
                from (select * from domain_event_entry e where e.aggregate_identifier like 'CASE-G-%%') e
                cross join generate_series(1, %d) g
                order by g, e.global_index""".formatted(copies);
    }

    /** Two filed obligations for every case and three open ones, written as the obligations projection writes them. */
    private static void fileObligations(JdbcTemplate jdbc, int cases) {
        OffsetDateTime frozen = OffsetDateTime.now(ZoneOffset.UTC).minusDays(20);
        jdbc.update("""
                insert into blocking_obligation
                select 'CASE-G-' || (i %% %1$d) || '-c' || (i / %1$d), 'O-' || r, 'W-1', ?, ? + r * interval '1 day',
                       'FILED', 'R', ?
                  from generate_series(0, ? - 1) i cross join generate_series(0, 1) r""".formatted(TEMPLATES), frozen, frozen.plusDays(10), frozen.plusDays(5), cases);
        jdbc.update(
                "insert into blocking_obligation select 'CASE-G-' || i, 'O-9', 'W-1', ?, ?, 'OPEN', null, null"
                        + " from generate_series(0, 2) i",
                frozen,
                frozen.plusDays(30));
    }
}

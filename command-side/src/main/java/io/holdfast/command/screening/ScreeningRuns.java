package io.holdfast.command.screening;

import io.holdfast.command.screening.ScreeningRun.Status;
import io.holdfast.command.screening.ScreeningRun.Trigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The screening runs, the flags they raised and the name matches they left for review. */
@Repository
public class ScreeningRuns {

    private static final RowMapper<ScreeningRun> RUN = (row, n) -> {
        Instant started = Times.fromColumn(row, "started_at");
        Instant finished = Times.fromColumn(row, "finished_at");
        return new ScreeningRun(
                row.getString("run_id"),
                Trigger.valueOf(row.getString("trigger_kind")),
                row.getString("list_id"),
                (Long) row.getObject("list_version", Long.class),
                row.getString("account_id"),
                Status.valueOf(row.getString("status")),
                Times.fromColumn(row, "queued_at"),
                started,
                finished,
                ScreeningRun.durationOf(started, finished),
                row.getObject("addresses_screened", Long.class),
                row.getObject("address_matches", Integer.class),
                row.getObject("flags_raised", Integer.class),
                row.getObject("already_flagged", Integer.class),
                row.getObject("name_matches", Integer.class),
                new ScreeningRun.Phases(
                        row.getObject("address_millis", Long.class),
                        row.getObject("flag_millis", Long.class),
                        row.getObject("name_millis", Long.class)),
                row.getString("failure"));
    };

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ScreeningRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    /**
     * The run for a list version has an id derived from it: queueing it twice queues it once. The
     * projection's transaction calls this, so a second queueing must not fail a statement (on
     * PostgreSQL that would end the transaction): the row is inserted only where none exists.
     */
    String queueForListVersion(String list, long version, Instant at) {
        String runId = "list-" + list + "-v" + version;
        // the list's row (written just before, in the same transaction) is the one row selected from
        jdbc.update(
                "insert into screening_run (run_id, trigger_kind, list_id, list_version, status, queued_at) "
                        + "select ?, ?, ?, ?, ?, ? from screening_list where list_id = ? "
                        + "and not exists (select 1 from screening_run where run_id = ?)",
                runId,
                Trigger.LIST_IMPORTED.name(),
                list,
                version,
                Status.QUEUED.name(),
                Times.toColumn(at),
                list,
                runId);
        return runId;
    }

    String queueForAccount(String accountId) {
        String runId = "account-" + UUID.randomUUID();
        insert(runId, Trigger.ADDRESSES_REGISTERED, null, null, accountId, clock.instant());
        return runId;
    }

    String queueForBulkRegistration() {
        String runId = "bulk-" + UUID.randomUUID();
        insert(runId, Trigger.BULK_REGISTRATION, null, null, null, clock.instant());
        return runId;
    }

    String queueRequested() {
        String runId = "requested-" + UUID.randomUUID();
        insert(runId, Trigger.REQUESTED, null, null, null, clock.instant());
        return runId;
    }

    private void insert(String runId, Trigger trigger, String list, Long version, String account, Instant at) {
        jdbc.update(
                "insert into screening_run (run_id, trigger_kind, list_id, list_version, account_id, status, queued_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)",
                runId,
                trigger.name(),
                list,
                version,
                account,
                Status.QUEUED.name(),
                Times.toColumn(at));
    }

    /** Runs waiting, oldest first, and runs whose node stopped working on them before their lease ran out. */
    List<String> claimable(int limit) {
        return jdbc.queryForList(
                "select run_id from screening_run where status = ? or (status = ? and claimed_until < ?) "
                        + "order by queued_at, run_id fetch first " + limit + " rows only",
                String.class,
                Status.QUEUED.name(),
                Status.RUNNING.name(),
                Times.toColumn(clock.instant()));
    }

    /** Takes a run for this node; false when another node took it first. */
    boolean claim(String runId, Duration lease) {
        Instant now = clock.instant();
        return jdbc.update(
                        "update screening_run set status = ?, started_at = ?, claimed_until = ? "
                                + "where run_id = ? and (status = ? or (status = ? and claimed_until < ?))",
                        Status.RUNNING.name(),
                        Times.toColumn(now),
                        Times.toColumn(now.plus(lease)),
                        runId,
                        Status.QUEUED.name(),
                        Status.RUNNING.name(),
                        Times.toColumn(now))
                == 1;
    }

    /** Gives back a run this node paused: queued again, so the next node to look takes it up at once. */
    void release(String runId) {
        jdbc.update(
                "update screening_run set status = ?, started_at = null, claimed_until = null where run_id = ? and status = ?",
                Status.QUEUED.name(),
                runId,
                Status.RUNNING.name());
    }

    void finish(String runId, RunCounts counts, String failure) {
        jdbc.update(
                "update screening_run set status = ?, finished_at = ?, claimed_until = null, list_version = coalesce(?, list_version), "
                        + "addresses_screened = ?, address_matches = ?, flags_raised = ?, already_flagged = ?, name_matches = ?, "
                        + "address_millis = ?, flag_millis = ?, name_millis = ?, failure = ? where run_id = ?",
                failure == null ? Status.DONE.name() : Status.FAILED.name(),
                Times.toColumn(clock.instant()),
                counts.listVersion(),
                counts.addressesScreened(),
                counts.addressMatches(),
                counts.flagsRaised(),
                counts.alreadyFlagged(),
                counts.nameMatches(),
                counts.addressMillis(),
                counts.flagMillis(),
                counts.nameMillis(),
                failure == null ? null : truncate(failure),
                runId);
    }

    public Optional<ScreeningRun> find(String runId) {
        return jdbc.query("select * from screening_run where run_id = ?", RUN, runId).stream()
                .findFirst();
    }

    /** Each (list, entry, account) screening has flagged before, as {@link #pair}. */
    Set<String> flaggedPairs() {
        Set<String> pairs = new HashSet<>();
        jdbc.query("select list_id, entry_uid, account_id from screening_flag", row -> {
            pairs.add(pair(row.getString(1), row.getString(2), row.getString(3)));
        });
        return pairs;
    }

    static String pair(String list, String uid, String account) {
        return list + '\n' + uid + '\n' + account;
    }

    void recordFlag(String list, String uid, String account, String caseId, String runId, String outcome) {
        try {
            jdbc.update(
                    "insert into screening_flag (list_id, entry_uid, account_id, case_id, run_id, outcome, flagged_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?)",
                    list,
                    uid,
                    account,
                    caseId,
                    runId,
                    outcome,
                    Times.toColumn(clock.instant()));
        } catch (DuplicateKeyException recordedByAnotherRun) {
            // another run (on this node or another) recorded the same pair at the same moment
        }
    }

    /** Records a name match for review unless the same account and entry are already listed; true if new. */
    boolean recordNameMatch(NameMatch match, String runId) {
        try {
            jdbc.update(
                    "insert into screening_name_match (account_id, list_id, entry_uid, holder_name, listed_name, score, "
                            + "run_id, found_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    match.accountId(),
                    match.list(),
                    match.entryUid(),
                    match.holderName(),
                    match.listedName(),
                    match.score(),
                    runId,
                    Times.toColumn(clock.instant()));
            return true;
        } catch (DuplicateKeyException alreadyListed) {
            return false;
        }
    }

    long nameMatchCount() {
        Long count = jdbc.queryForObject("select count(*) from screening_name_match", Long.class);
        return count == null ? 0 : count;
    }

    List<NameMatch> nameMatches(int limit, int offset) {
        return jdbc.query(
                "select * from screening_name_match order by score desc, account_id, list_id, entry_uid " + "offset "
                        + offset + " rows fetch next " + limit + " rows only",
                (row, n) -> new NameMatch(
                        row.getString("account_id"),
                        row.getString("holder_name"),
                        row.getString("list_id"),
                        row.getString("entry_uid"),
                        row.getString("listed_name"),
                        row.getBigDecimal("score"),
                        row.getString("run_id"),
                        Times.fromColumn(row, "found_at")));
    }

    private static String truncate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }
}

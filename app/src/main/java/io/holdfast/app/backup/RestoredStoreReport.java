package io.holdfast.app.backup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * After a start that restored a backup, says in the log what the restored store holds: its events
 * and cases, the newest event's time, the audit trail, and the ledger with its latest checkpoint,
 * so whoever restored can compare it with what they expected before letting people work on it.
 */
@Component
@ConditionalOnProperty(RestoreBeforeStart.RESTORE_FROM)
class RestoredStoreReport {

    private static final Logger log = LoggerFactory.getLogger(RestoredStoreReport.class);

    private final JdbcTemplate jdbc;
    private final Environment environment;

    RestoredStoreReport(JdbcTemplate jdbc, Environment environment) {
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        long events = count("select count(*) from domain_event_entry");
        long cases =
                count("select count(distinct aggregate_identifier) from domain_event_entry where type = 'FreezeCase'");
        String newest = jdbc
                .queryForList(
                        "select time_stamp from domain_event_entry order by global_index desc limit 1", String.class)
                .stream()
                .findFirst()
                .orElse("none");
        long audited = count("select count(*) from audit_entry");
        long leaves = count("select count(*) from ledger_leaf");
        String checkpoint = jdbc
                .queryForList(
                        "select tree_size || ' leaves, signed ' || signed_at from ledger_checkpoint"
                                + " order by checkpoint_id desc limit 1",
                        String.class)
                .stream()
                .findFirst()
                .orElse("none");
        log.info(
                "restored from {}: {} events of {} cases (the newest recorded {}), {} audit entries, a ledger of {}"
                        + " leaves, latest checkpoint: {}",
                environment.getProperty(RestoreBeforeStart.RESTORE_FROM),
                events,
                cases,
                newest,
                audited,
                leaves,
                checkpoint);
    }

    private long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }
}

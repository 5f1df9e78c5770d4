package io.holdfast.query.casesummary;

import io.holdfast.kernel.CaseStatus;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.freezecase.AccountFlagged;
import io.holdfast.kernel.freezecase.CaseAttention;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.query.performance.BatchedWrites;
import io.holdfast.query.performance.CaseEventBatch;
import io.holdfast.query.performance.CaseEventBatch.Applied;
import io.holdfast.query.performance.InClause;
import io.holdfast.query.performance.ReadModelWrites;
import io.holdfast.query.readmodel.CaseParties;
import io.holdfast.query.readmodel.ReadModelJson;
import io.holdfast.query.readmodel.ReadTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps one line per case for listing and filtering: status, account, reason, agencies party to
 * it, what is frozen. The events of a processor batch are applied to the lines in memory, each line
 * read and written once per batch ({@link BatchedWrites}). Every change is guarded by the case
 * version, so an event seen twice changes nothing.
 */
@Component
@ProcessingGroup(CaseSummaryProjection.PROCESSING_GROUP)
class CaseSummaryProjection {

    static final String PROCESSING_GROUP = "case-summaries";

    private final JdbcTemplate jdbc;
    private final CaseParties parties;
    private final BatchedWrites<LineChanges> writes;

    private static final com.fasterxml.jackson.core.type.TypeReference<List<String>> NEEDS =
            new com.fasterxml.jackson.core.type.TypeReference<>() {};

    CaseSummaryProjection(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.parties = new CaseParties(jdbc, "case_summary_agency");
        this.writes = new BatchedWrites<>(PROCESSING_GROUP, LineChanges::new, writes);
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber Long sequence, @Timestamp Instant at, EventMessage<?> message) {
        writes.add(message, changes -> changes.add(event, sequence, at));
    }

    @ResetHandler
    void reset() {
        jdbc.update("update case_summary_count set cases = 0");
        jdbc.update("delete from case_summary_attention");
        jdbc.update("delete from case_summary_agency");
        jdbc.update("delete from case_summary");
        writes.forgetFailures();
    }

    private Map<String, SummaryLine> storedLines(Collection<String> caseIds) {
        Map<String, SummaryLine> lines = new HashMap<>();
        for (List<String> some : InClause.chunks(caseIds)) {
            jdbc.query(
                    "select case_id, status, frozen, version, tracking, attention from case_summary where case_id in "
                            + InClause.of(some),
                    (RowCallbackHandler) row -> lines.put(
                            row.getString(1),
                            SummaryLine.stored(
                                    row.getString(1),
                                    CaseStatus.valueOf(row.getString(2)),
                                    ReadModelJson.read(row.getString(3), Holdings.class),
                                    row.getLong(4),
                                    ReadModelJson.read(row.getString(5), CaseAttention.class),
                                    row.getString(6))),
                    some.toArray());
        }
        return lines;
    }

    private void save(Collection<SummaryLine> lines) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (SummaryLine line : lines) {
            if (!line.changed) {
                continue;
            }
            if (line.stored) {
                updates.add(new Object[] {
                    line.status.name(),
                    ReadModelJson.write(line.frozen),
                    line.version,
                    ReadTimes.toColumn(line.lastChangedAt),
                    ReadModelJson.write(line.tracking),
                    line.attention,
                    line.caseId
                });
            } else {
                inserts.add(new Object[] {
                    line.caseId,
                    line.accountId,
                    line.status.name(),
                    line.reasonType,
                    ReadModelJson.write(line.frozen),
                    line.version,
                    ReadTimes.toColumn(line.flaggedAt),
                    ReadTimes.toColumn(line.lastChangedAt),
                    ReadModelJson.write(line.tracking),
                    line.attention
                });
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into case_summary (case_id, account_id, status, reason_type, frozen, version, flagged_at,
                                              last_changed_at, tracking, attention) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("""
                    update case_summary set status = ?, frozen = ?, version = ?, last_changed_at = ?, tracking = ?, attention = ?
                    where case_id = ?""", updates);
        }
        saveAttention(lines);
        saveCounts(lines);
    }

    /**
     * Moves the lines whose status changed between the counts of cases per status. The statuses are
     * updated in name order, so two segments' transactions never wait on each other in a circle.
     */
    private void saveCounts(Collection<SummaryLine> lines) {
        java.util.SortedMap<String, Long> moves = new java.util.TreeMap<>();
        for (SummaryLine line : lines) {
            if (line.changed && line.status != line.statusAsStored) {
                moves.merge(line.status.name(), 1L, Long::sum);
                if (line.statusAsStored != null) {
                    moves.merge(line.statusAsStored.name(), -1L, Long::sum);
                }
            }
        }
        moves.forEach((status, move) -> {
            if (move != 0
                    && jdbc.update("update case_summary_count set cases = cases + ? where status = ?", move, status)
                            == 0) {
                jdbc.update("insert into case_summary_count (status, cases) values (?, ?)", status, move);
            }
        });
    }

    /** Rewrites the attention rows of the lines whose attention changed. */
    private void saveAttention(Collection<SummaryLine> lines) {
        List<Object[]> cleared = new ArrayList<>();
        List<Object[]> needs = new ArrayList<>();
        for (SummaryLine line : lines) {
            if (line.changed && line.attentionChanged()) {
                cleared.add(new Object[] {line.caseId});
                ReadModelJson.read(line.attention, NEEDS).forEach(need -> needs.add(new Object[] {need, line.caseId}));
            }
        }
        if (!cleared.isEmpty()) {
            jdbc.batchUpdate("delete from case_summary_attention where case_id = ?", cleared);
        }
        if (!needs.isEmpty()) {
            jdbc.batchUpdate("insert into case_summary_attention (need, case_id) values (?, ?)", needs);
        }
    }

    /** A batch's events, applied to their cases' stored lines when the batch is written. */
    private final class LineChanges extends CaseEventBatch {

        @Override
        public void write() {
            Map<String, SummaryLine> lines = storedLines(cases());
            List<CaseEvent> partyEvents = new ArrayList<>();
            for (Applied applied : events()) {
                String caseId = applied.caseId();
                SummaryLine line = lines.get(caseId);
                if (applied.event() instanceof AccountFlagged flagged) {
                    if (line == null) {
                        lines.put(caseId, SummaryLine.flagged(flagged, applied.sequence(), applied.at()));
                    }
                    partyEvents.add(applied.event());
                } else if (line != null && applied.sequence() > line.version) {
                    line.apply(applied.event(), applied.sequence(), applied.at());
                    partyEvents.add(applied.event());
                }
            }
            save(lines.values());
            parties.recordFrom(partyEvents);
        }
    }
}

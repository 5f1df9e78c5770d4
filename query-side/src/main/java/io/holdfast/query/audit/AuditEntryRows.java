package io.holdfast.query.audit;

import io.holdfast.kernel.audit.AuditEntry;
import org.springframework.jdbc.core.RowMapper;

/** How audit entries are read from their table, each with its leaf's index in the ledger where it has one. */
public final class AuditEntryRows {

    private AuditEntryRows() {}

    /** The columns {@link #ENTRY} reads, of {@code audit_entry a} and {@code ledger_leaf l}. */
    public static final String COLUMNS = "a.case_id, a.sequence, a.global_index, a.event_id, a.event_type,"
            + " a.payload_type, a.payload_revision, a.occurred_at_iso, a.actor, a.role, a.agency, a.correlation_id,"
            + " a.payload, a.metadata, a.previous_hash, a.hash, l.ledger_index";

    /** The rows as read: each with its leaf's index in the ledger, where the ledger has taken it. */
    public static final String READ =
            "select " + COLUMNS + " from audit_entry a left join ledger_leaf l on l.global_index = a.global_index";

    /**
     * The rows after a global index (its one parameter, which the query must also give to
     * {@code a.global_index > ?}). The ledger's side of the join starts there too: joined by key alone,
     * PostgreSQL merges the two indexes from the ledger's first leaf, so each page of an export read
     * every leaf before it and the whole export grew with the square of the trail.
     */
    public static final String READ_AFTER = "select " + COLUMNS
            + " from audit_entry a left join ledger_leaf l on l.global_index = a.global_index and l.global_index > ?";

    public static final RowMapper<AuditEntry> ENTRY = (row, i) -> new AuditEntry(
            row.getString("case_id"),
            row.getLong("sequence"),
            row.getLong("global_index"),
            row.getString("event_id"),
            row.getString("event_type"),
            row.getString("payload_type"),
            row.getString("payload_revision"),
            row.getString("occurred_at_iso"),
            row.getString("actor"),
            row.getString("role"),
            row.getString("agency"),
            row.getString("correlation_id"),
            row.getString("payload"),
            row.getString("metadata"),
            row.getString("previous_hash"),
            row.getString("hash"),
            row.getObject("ledger_index") == null ? null : row.getLong("ledger_index"));
}

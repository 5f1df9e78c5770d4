package io.holdfast.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.holdfast.benchmarks.faults.StoreFacts.StoredEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a store holds after a fault run, read by JDBC while no Holdfast holds it: the events under
 * each Idempotency-Key, each aggregate's sequence numbers, the events its fired deadlines recorded, and a digest of every read-model table's
 * rows (independent of their order) to compare with the same tables after a fresh replay.
 */
record StoredRecord(
        Map<String, List<StoredEvent>> eventsByKey,
        Map<String, List<Long>> sequencesByCase,
        Map<String, List<String>> deadlineEventsByCase,
        Map<String, String> tables,
        long events) {

    /** The events a case's deadlines record when they fire: no Idempotency-Key, no person. */
    static final List<String> DEADLINE_EVENTS =
            List.of("holdfast.case.WarrantExpiryApproaching", "holdfast.case.WarrantExpired");

    static final List<String> READ_MODEL_TABLES = List.of(
            "case_view",
            "case_summary",
            "case_summary_agency",
            "case_summary_attention",
            "case_summary_count",
            "account_holding",
            "registered_warrant",
            "warrant_case_party",
            "blocking_obligation",
            "obligation_case_party",
            "audit_entry",
            "audit_case_party",
            "audit_entry_hour");

    private static final ObjectMapper JSON = new ObjectMapper();

    static StoredRecord read(Deployment deployment, String database) throws SQLException, IOException {
        Map<String, List<StoredEvent>> byKey = new TreeMap<>();
        Map<String, List<Long>> sequences = new TreeMap<>();
        Map<String, List<String>> deadlineEvents = new TreeMap<>();
        Map<String, String> tables = new LinkedHashMap<>();
        long events = 0;
        try (HikariDataSource store = deployment.dataSource(database, 1);
                Connection connection = store.getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery(
                    "select aggregate_identifier, sequence_number, payload_type, meta_data from domain_event_entry"
                            + " where aggregate_identifier like 'FAULT-%' order by global_index")) {
                while (row.next()) {
                    events++;
                    String caseId = row.getString(1);
                    long sequence = row.getLong(2);
                    sequences.computeIfAbsent(caseId, id -> new ArrayList<>()).add(sequence);
                    if (DEADLINE_EVENTS.contains(row.getString(3))) {
                        deadlineEvents
                                .computeIfAbsent(caseId, id -> new ArrayList<>())
                                .add(row.getString(3));
                    }
                    byte[] metadata = row.getBytes(4);
                    JsonNode key =
                            metadata == null ? null : JSON.readTree(metadata).get("idempotencyKey");
                    if (key != null && !key.isNull()) {
                        byKey.computeIfAbsent(key.asText(), k -> new ArrayList<>())
                                .add(new StoredEvent(caseId, sequence, row.getString(3)));
                    }
                }
            }
            for (String table : READ_MODEL_TABLES) {
                tables.put(table, digest(statement, table));
            }
        }
        return new StoredRecord(byKey, sequences, deadlineEvents, tables, events);
    }

    /** The tables whose rows differ from the same tables in {@code other}. */
    List<String> tablesUnlike(StoredRecord other) {
        return tables.keySet().stream()
                .filter(table -> !tables.get(table).equals(other.tables.get(table)))
                .toList();
    }

    private static String digest(Statement statement, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet row = statement.executeQuery("select * from " + table)) {
            int columns = row.getMetaData().getColumnCount();
            while (row.next()) {
                StringBuilder line = new StringBuilder();
                for (int column = 1; column <= columns; column++) {
                    line.append(row.getString(column)).append('\u001f');
                }
                rows.add(line.toString());
            }
        }
        rows.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            rows.forEach(line -> sha.update(line.getBytes(StandardCharsets.UTF_8)));
            return rows.size() + ":" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

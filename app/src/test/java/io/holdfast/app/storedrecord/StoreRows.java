package io.holdfast.app.storedrecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of a store's tables as JSON lines, one row a line: {@code {"table": ..., "row": {...}}}.
 * Binary columns are written as {@code {"text": ...}} when they hold UTF-8 (stored events do), so a
 * reader sees exactly what was stored, else as {@code {"base64": ...}}. Any database Holdfast runs
 * on takes the rows back through plain JDBC.
 */
final class StoreRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern ISO_TIME =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})");

    private StoreRows() {}

    static void write(JdbcTemplate jdbc, List<String> tables, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String table : tables) {
                List<ObjectNode> rows = jdbc.query("select * from " + table + " order by 1, 2", (resultSet, index) -> {
                    ResultSetMetaData columns = resultSet.getMetaData();
                    ObjectNode row = JSON.createObjectNode();
                    for (int column = 1; column <= columns.getColumnCount(); column++) {
                        String name = columns.getColumnLabel(column).toLowerCase();
                        if (isBinary(columns.getColumnType(column))) {
                            byte[] bytes = resultSet.getBytes(column);
                            row.set(name, bytes == null ? JSON.nullNode() : binary(bytes));
                        } else {
                            Object value = resultSet.getObject(column);
                            row.set(name, value == null ? JSON.nullNode() : JSON.valueToTree(value.toString()));
                        }
                    }
                    return row;
                });
                for (ObjectNode row : rows) {
                    ObjectNode line = JSON.createObjectNode();
                    line.put("table", table);
                    line.set("row", row);
                    out.write(JSON.writeValueAsString(line));
                    out.write('\n');
                }
            }
        }
    }

    /**
     * Inserts every row into its table, in the file's order, each column converted by the database,
     * and moves the event store's sequence past the highest global index, as a restored backup has it.
     */
    static int load(JdbcTemplate jdbc, Path file) throws IOException {
        int loaded = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode parsed = JSON.readTree(line);
                String table = parsed.get("table").asText();
                List<String> names = new ArrayList<>();
                List<Object> values = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> fields =
                                parsed.get("row").fields();
                        fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    names.add(field.getKey());
                    values.add(value(field.getValue()));
                }
                String sql = "insert into " + table + " (" + String.join(", ", names) + ") values ("
                        + String.join(", ", names.stream().map(name -> "?").toList()) + ")";
                jdbc.update(sql, preparedStatement -> {
                    for (int i = 0; i < values.size(); i++) {
                        Object value = values.get(i);
                        if (value instanceof byte[] bytes) {
                            preparedStatement.setBytes(i + 1, bytes);
                        } else if (value == null) {
                            preparedStatement.setNull(
                                    i + 1,
                                    preparedStatement.getParameterMetaData().getParameterType(i + 1));
                        } else {
                            int type = preparedStatement.getParameterMetaData().getParameterType(i + 1);
                            Object typed = typed((String) value, type);
                            if (typed instanceof String) {
                                preparedStatement.setObject(i + 1, typed, type);
                            } else {
                                preparedStatement.setObject(i + 1, typed);
                            }
                        }
                    }
                });
                loaded++;
            }
        }
        Long highest = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        if (highest != null) {
            boolean postgres = jdbc.execute((java.sql.Connection connection) -> connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase()
                    .contains("postgres"));
            jdbc.execute(
                    postgres
                            ? "select setval('domain_event_entry_seq', " + highest + ")"
                            : "alter sequence domain_event_entry_seq restart with " + (highest + 1));
        }
        return loaded;
    }

    /** Times are written as ISO-8601 with their offset; each database takes them as the time they are. */
    private static Object typed(String value, int sqlType) {
        boolean text = sqlType == Types.VARCHAR
                || sqlType == Types.CHAR
                || sqlType == Types.LONGVARCHAR
                || sqlType == Types.NVARCHAR
                || sqlType == Types.CLOB;
        if (!text && ISO_TIME.matcher(value).matches()) {
            return OffsetDateTime.parse(value);
        }
        if (sqlType == Types.BOOLEAN || sqlType == Types.BIT) {
            return Boolean.parseBoolean(value);
        }
        return value;
    }

    private static Object value(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isObject() && node.has("text")) {
            return node.get("text").asText().getBytes(StandardCharsets.UTF_8);
        }
        if (node.isObject() && node.has("base64")) {
            return Base64.getDecoder().decode(node.get("base64").asText());
        }
        return node.asText();
    }

    private static JsonNode binary(byte[] bytes) {
        ObjectNode value = JSON.createObjectNode();
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return value.put("text", text);
        } catch (CharacterCodingException notText) {
            return value.put("base64", Base64.getEncoder().encodeToString(bytes));
        }
    }

    private static boolean isBinary(int type) {
        return type == Types.BLOB || type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY;
    }
}

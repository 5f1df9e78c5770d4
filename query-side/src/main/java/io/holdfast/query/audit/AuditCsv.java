package io.holdfast.query.audit;

import io.holdfast.kernel.audit.AuditEntry;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Audit entries as CSV (RFC 4180): one header line, one line per entry, fields quoted when needed. */
final class AuditCsv {

    static final List<String> HEADER = List.of(
            "globalIndex",
            "caseId",
            "sequence",
            "eventId",
            "type",
            "payloadType",
            "revision",
            "occurredAt",
            "actor",
            "role",
            "agency",
            "correlationId",
            "payload",
            "metadata",
            "previousHash",
            "hash",
            "ledgerIndex");

    private AuditCsv() {}

    static void header(Writer out) throws IOException {
        line(out, HEADER.toArray(String[]::new));
    }

    static void entry(Writer out, AuditEntry entry) throws IOException {
        line(
                out,
                Long.toString(entry.globalIndex()),
                entry.caseId(),
                Long.toString(entry.sequence()),
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
                entry.ledgerIndex() == null ? null : Long.toString(entry.ledgerIndex()));
    }

    private static void line(Writer out, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            field(out, fields[i]);
        }
        out.write("\r\n");
    }

    private static void field(Writer out, String value) throws IOException {
        if (value == null) {
            return;
        }
        boolean quote = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        // a leading =, +, - or @ would make a spreadsheet run the field as a formula
        boolean formula = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0;
        if (quote || formula) {
            out.write('"');
            if (formula) {
                out.write('\'');
            }
            out.write(value.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(value);
        }
    }
}

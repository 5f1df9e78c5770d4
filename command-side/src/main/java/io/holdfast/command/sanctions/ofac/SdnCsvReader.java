package io.holdfast.command.sanctions.ofac;

import io.holdfast.kernel.InvalidValueException;
import io.holdfast.kernel.sanctions.SanctionsEntry;
import io.holdfast.kernel.sanctions.WalletAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads OFAC's SDN list in its CSV form, record by record: {@code sdn.csv} (12 columns, no header;
 * wallet addresses appear in the remarks as {@code Digital Currency Address - XBT 1Abc...}),
 * optionally {@code alt.csv} (aliases, 5 columns), {@code add.csv} (postal addresses, 6
 * columns, checked but not kept) and {@code sdn_comments.csv} (2 columns: the rest of each remark
 * longer than the 1,000 characters sdn.csv keeps). OFAC writes {@code -0-} for an empty field.
 */
public final class SdnCsvReader {

    public static final String FORMAT = "SDN_CSV";
    private static final int SDN_COLUMNS = 12;
    private static final int ALT_COLUMNS = 5;
    private static final int ADD_COLUMNS = 6;
    private static final int COMMENTS_COLUMNS = 2;
    /** sdn.csv keeps this much of a remark; the rest is in sdn_comments.csv. */
    static final int REMARKS_CUT = 1000;

    private static final Pattern ADDRESS_IN_REMARKS =
            Pattern.compile("Digital Currency Address - ([A-Za-z0-9]+)[\\s:]+([^\\s;]+)");
    private static final CSVFormat OFAC_CSV =
            CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    private final Map<String, Draft> entries = new LinkedHashMap<>();
    /**
     * An ent_num that sdn.csv repeats: kept, so that the list refuses it by its rule that each entry is
     * listed once, as it does for every form (a file with no record is refused the same way).
     */
    private final List<Draft> repeated = new ArrayList<>();

    private SdnCsvReader() {}

    /** Reads {@code sdn.csv} and, when given (not null), {@code alt.csv} and {@code add.csv}. */
    public static ParsedList read(InputStream sdn, InputStream alt, InputStream add) {
        return read(sdn, alt, add, null);
    }

    /**
     * Reads {@code sdn.csv} and, when given (not null), {@code alt.csv}, {@code add.csv} and
     * {@code sdn_comments.csv}. A remark that sdn.csv cuts at 1,000 characters and that names a
     * digital currency address needs its continuation: without it the list's addresses would be
     * incomplete and a cut piece could pass for an address, so the file is refused.
     */
    public static ParsedList read(InputStream sdn, InputStream alt, InputStream add, InputStream comments) {
        return read(sdn, alt, add, comments, CutRemarks.REFUSE);
    }

    /**
     * As {@link #read(InputStream, InputStream, InputStream, InputStream)}, but with
     * {@link CutRemarks#ACCEPT} an uploader who knows sdn_comments.csv is missing still gets the
     * list: the piece an address is cut to is dropped, never kept as an address, and the entries
     * whose remarks are cut are named in {@link ParsedList#incompleteEntries()}.
     */
    public static ParsedList read(
            InputStream sdn, InputStream alt, InputStream add, InputStream comments, CutRemarks cutRemarks) {
        SdnCsvReader reader = new SdnCsvReader();
        reader.readSdn(sdn);
        if (alt != null) {
            reader.readAliases(alt);
        }
        if (add != null) {
            reader.checkAddresses(add);
        }
        if (comments != null) {
            reader.readComments(comments);
        }
        List<String> incomplete = reader.everyCutRemarkWithAddressesIsContinued(cutRemarks);
        reader.entries.values().forEach(Draft::readAddresses);
        reader.repeated.forEach(Draft::readAddresses);
        List<SanctionsEntry> entries = new ArrayList<>(reader.entries.size());
        reader.entries.values().forEach(draft -> entries.add(draft.toEntry()));
        reader.repeated.forEach(draft -> entries.add(draft.toEntry()));
        return new ParsedList(FORMAT, null, entries, List.of(), incomplete);
    }

    private void readSdn(InputStream in) {
        forEachRecord(
                in,
                "sdn.csv",
                SDN_COLUMNS,
                "an SDN record has " + SDN_COLUMNS
                        + " columns (ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks)",
                (record, where) -> {
                    String uid = required(record, 0, where, "ent_num");
                    Draft draft = new Draft(
                            where,
                            uid,
                            required(record, 1, where, "SDN_Name"),
                            field(record, 2),
                            programs(field(record, 3)));
                    String remarks = record.get(11);
                    draft.remarks.append(remarks.strip().equals("-0-") ? "" : remarks);
                    draft.cut = remarks.length() >= REMARKS_CUT;
                    if (entries.putIfAbsent(uid, draft) != null) {
                        repeated.add(draft);
                    }
                });
    }

    private void readAliases(InputStream in) {
        forEachRecord(
                in,
                "alt.csv",
                ALT_COLUMNS,
                "an alias record has " + ALT_COLUMNS + " columns (ent_num, alt_num, alt_type, alt_name, alt_remarks)",
                (record, where) -> {
                    String uid = required(record, 0, where, "ent_num");
                    Draft draft = entries.get(uid);
                    if (draft == null) {
                        throw new ListFileRejected(where, "names ent_num " + uid + ", which sdn.csv does not hold");
                    }
                    draft.aliases.add(required(record, 3, where, "alt_name"));
                });
    }

    private void checkAddresses(InputStream in) {
        forEachRecord(
                in,
                "add.csv",
                ADD_COLUMNS,
                "an address record has " + ADD_COLUMNS
                        + " columns (ent_num, add_num, address, city/state/zip, country, add_remarks)",
                (record, where) -> {
                    String uid = required(record, 0, where, "ent_num");
                    if (!entries.containsKey(uid)) {
                        throw new ListFileRejected(where, "names ent_num " + uid + ", which sdn.csv does not hold");
                    }
                });
    }

    private void readComments(InputStream in) {
        forEachRecord(
                in,
                "sdn_comments.csv",
                COMMENTS_COLUMNS,
                "a comments record has " + COMMENTS_COLUMNS + " columns (ent_num, Remarks_Extended)",
                (record, where) -> {
                    String uid = required(record, 0, where, "ent_num");
                    Draft draft = entries.get(uid);
                    if (draft == null) {
                        throw new ListFileRejected(where, "names ent_num " + uid + ", which sdn.csv does not hold");
                    }
                    // the continuation goes on where sdn.csv cut, often in the middle of a word
                    draft.remarks.append(record.get(1));
                    draft.continued = true;
                });
    }

    /** What to do with remarks sdn.csv cuts that name addresses, when sdn_comments.csv does not continue them. */
    public enum CutRemarks {
        /** Refuse the file: the list's addresses would be incomplete. */
        REFUSE,
        /** Read the list without what the cut leaves out, dropping the piece of the address cut through. */
        ACCEPT
    }

    private List<String> everyCutRemarkWithAddressesIsContinued(CutRemarks cutRemarks) {
        List<Draft> incomplete = entries.values().stream()
                .filter(draft -> draft.cut && !draft.continued && draft.remarks.indexOf("Digital Currency Addr") >= 0)
                .toList();
        List<String> cut = incomplete.stream().map(draft -> draft.uid).toList();
        if (cutRemarks == CutRemarks.ACCEPT) {
            incomplete.forEach(draft -> draft.endsInAPiece = true);
            return cut;
        }
        if (!cut.isEmpty()) {
            throw new ListFileRejected(
                    "sdn.csv",
                    "cuts the remarks of " + (cut.size() == 1 ? "entry " : "entries ")
                            + String.join(", ", cut) + " at " + REMARKS_CUT
                            + " characters, and they name digital currency"
                            + " addresses; send OFAC's sdn_comments.csv of the same day as the part 'comments', which holds"
                            + " the rest of them, so that no address is missed or stored in pieces (or, knowing that the list"
                            + " will lack the addresses past the cut, send incompleteRemarks=accept)");
        }
        return cut;
    }

    private interface RecordHandler {
        void handle(CSVRecord record, String where);
    }

    private static void forEachRecord(InputStream in, String file, int columns, String shape, RecordHandler handler) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        long line = 1;
        try (CSVParser parser =
                CSVParser.builder().setReader(reader).setFormat(OFAC_CSV).get()) {
            for (CSVRecord record : parser) {
                String where = file + " line " + line;
                line = parser.getCurrentLineNumber() + 1;
                if (isEndOfFileMark(record)) {
                    continue;
                }
                if (record.size() != columns) {
                    throw new ListFileRejected(where, "has " + record.size() + " columns; " + shape);
                }
                handler.handle(record, where);
            }
        } catch (ListFileRejected refused) {
            throw refused;
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException unreadable) {
            throw new ListFileRejected(
                    file + " line " + line, "is not valid CSV (" + CsvTrouble.describe(unreadable) + ")");
        } catch (IOException unreadable) {
            throw new ListFileRejected(file, "could not be read (" + unreadable.getMessage() + ")");
        }
    }

    /** OFAC's CSV files end with a DOS end-of-file character on a line of its own. */
    private static boolean isEndOfFileMark(CSVRecord record) {
        return record.size() == 1 && record.get(0).strip().equals("\u001a");
    }

    private static String field(CSVRecord record, int column) {
        String value = record.get(column).strip();
        return value.isEmpty() || value.equals("-0-") ? null : value;
    }

    private static String required(CSVRecord record, int column, String where, String name) {
        String value = field(record, column);
        if (value == null) {
            throw new ListFileRejected(where + ", column " + name, "is empty");
        }
        return value;
    }

    /** OFAC joins several programs as {@code CYBER2] [DPRK3}. */
    private static List<String> programs(String value) {
        List<String> programs = new ArrayList<>();
        if (value == null) {
            return programs;
        }
        for (String program : value.split("\\]\\s*\\[")) {
            String clean = program.replace("[", "").replace("]", "").strip();
            if (!clean.isEmpty()) {
                programs.add(clean);
            }
        }
        return programs;
    }

    private static final class Draft {
        private final String where;
        private final String uid;
        private final String name;
        private final String type;
        private final List<String> programs;
        private final List<String> aliases = new ArrayList<>();
        private final List<WalletAddress> addresses = new ArrayList<>();
        private final StringBuilder remarks = new StringBuilder();
        private boolean cut;
        private boolean continued;
        /** The remark stops at the cut, so an address reaching its end is only the piece before the cut. */
        private boolean endsInAPiece;

        Draft(String where, String uid, String name, String type, List<String> programs) {
            this.where = where;
            this.uid = uid;
            this.name = name;
            this.type = type;
            this.programs = programs;
        }

        void readAddresses() {
            Matcher matcher = ADDRESS_IN_REMARKS.matcher(remarks);
            while (matcher.find()) {
                if (endsInAPiece && remarks.substring(matcher.end()).isBlank()) {
                    continue;
                }
                address(matcher.group(1), matcher.group(2));
            }
        }

        void address(String currency, String address) {
            try {
                addresses.add(new WalletAddress(currency, address.replaceAll("[.,)]+$", "")));
            } catch (InvalidValueException invalid) {
                throw new ListFileRejected(
                        where + ", column Remarks",
                        "has a digital currency address that is not valid: " + invalid.field() + " " + invalid.rule());
            }
        }

        SanctionsEntry toEntry() {
            try {
                return new SanctionsEntry(uid, name, type, programs, aliases, addresses);
            } catch (InvalidValueException invalid) {
                throw new ListFileRejected(
                        where, "(ent_num " + uid + ") is not valid: " + invalid.field() + " " + invalid.rule());
            }
        }
    }
}

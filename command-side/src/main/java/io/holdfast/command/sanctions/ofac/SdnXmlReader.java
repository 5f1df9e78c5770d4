package io.holdfast.command.sanctions.ofac;

import io.holdfast.kernel.InvalidValueException;
import io.holdfast.kernel.sanctions.SanctionsEntry;
import io.holdfast.kernel.sanctions.WalletAddress;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads OFAC's SDN list in its classic XML form ({@code sdn.xml}) as a stream: one {@code sdnEntry} at a
 * time, never the whole document, so a list of tens of megabytes reads in little memory. Keeps per
 * entry its uid, name, type, programs, aliases and the ids whose type is a digital-currency address.
 * {@link OfacXml} opens the document, refusing DTDs and external entities.
 */
public final class SdnXmlReader extends ElementStream {

    public static final String FORMAT = "SDN_XML";
    private static final DateTimeFormatter PUBLISH_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    private LocalDate publicationDate;
    private Integer declaredCount;
    private final List<SanctionsEntry> entries = new ArrayList<>();

    private EntryDraft entry;
    private NameDraft aka;
    private String idType;
    private String idNumber;

    private SdnXmlReader(String fileName) {
        super(fileName);
    }

    /** Reads a document that must be the classic SDN list. */
    public static ParsedList read(InputStream in, String fileName) {
        return OfacXml.read(in, fileName, OfacXml.Form.CLASSIC);
    }

    /** Reads the classic list from its root element on. */
    static ParsedList read(XMLStreamReader positionedAtRoot, String fileName) throws XMLStreamException {
        return new SdnXmlReader(fileName).readAll(positionedAtRoot);
    }

    private ParsedList readAll(XMLStreamReader positionedAtRoot) throws XMLStreamException {
        walk(positionedAtRoot);
        if (declaredCount != null && declaredCount != entries.size()) {
            throw new ListFileRejected(
                    fileName + " <Record_Count>",
                    "declares " + declaredCount + " entries but the file holds " + entries.size()
                            + "; the file may be truncated or edited");
        }
        return new ParsedList(FORMAT, publicationDate, entries);
    }

    @Override
    protected void start(String name) throws XMLStreamException {
        String parent = path.peek();
        path.push(name);
        switch (name) {
            case "sdnEntry" -> entry = new EntryDraft(xml.getLocation().getLineNumber());
            case "aka" -> aka = entry == null ? null : new NameDraft();
            case "id" -> {
                idType = null;
                idNumber = null;
            }
            case "Publish_Date" -> publicationDate = publishDate(text());
            case "Record_Count" -> declaredCount = count(text());
            case "uid" -> {
                String value = text();
                if ("sdnEntry".equals(parent) && entry != null) {
                    entry.uid = value;
                }
            }
            case "firstName", "lastName" -> {
                String value = text();
                NameDraft target =
                        "aka".equals(parent) ? aka : "sdnEntry".equals(parent) && entry != null ? entry.name : null;
                if (target != null) {
                    target.set(name, value);
                }
            }
            case "sdnType" -> {
                String value = text();
                if ("sdnEntry".equals(parent) && entry != null) {
                    entry.type = value;
                }
            }
            case "program" -> {
                String value = text();
                if (entry != null && !value.isBlank()) {
                    entry.programs.add(value.strip());
                }
            }
            case "idType" -> idType = "id".equals(parent) ? text() : idType;
            case "idNumber" -> idNumber = "id".equals(parent) ? text() : idNumber;
            default -> {}
        }
    }

    @Override
    protected void end(String name) {
        path.pop();
        switch (name) {
            case "sdnEntry" -> {
                entries.add(entry.toEntry());
                entry = null;
            }
            case "aka" -> {
                if (entry != null && aka != null && aka.present()) {
                    entry.aliases.add(aka.full());
                }
                aka = null;
            }
            case "id" -> {
                if (entry != null) {
                    DigitalCurrencyIds.currencyOf(idType).ifPresent(currency -> entry.address(currency, idNumber));
                }
            }
            default -> {}
        }
    }

    private LocalDate publishDate(String value) {
        try {
            return LocalDate.parse(value, PUBLISH_DATE);
        } catch (DateTimeParseException notADate) {
            throw rejected("<Publish_Date> '" + value + "' is not a date written MM/DD/YYYY");
        }
    }

    private Integer count(String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException notANumber) {
            throw rejected("<Record_Count> '" + value + "' is not a number");
        }
    }

    private ListFileRejected rejected(String rule) {
        int line = xml == null || xml.getLocation() == null
                ? -1
                : xml.getLocation().getLineNumber();
        return new ListFileRejected(fileName + (line > 0 ? " line " + line : ""), rule);
    }

    private static final class NameDraft {
        private String first;
        private String last;

        void set(String element, String value) {
            if ("firstName".equals(element)) {
                first = value;
            } else {
                last = value;
            }
        }

        boolean present() {
            return (last != null && !last.isBlank()) || (first != null && !first.isBlank());
        }

        /** As OFAC writes a person's name: {@code LAST, First}. */
        String full() {
            if (last == null || last.isBlank()) {
                return first;
            }
            return first == null || first.isBlank() ? last : last + ", " + first;
        }
    }

    private final class EntryDraft {
        private final int line;
        private String uid;
        private String type;
        private final NameDraft name = new NameDraft();
        private final List<String> programs = new ArrayList<>();
        private final List<String> aliases = new ArrayList<>();
        private final List<WalletAddress> addresses = new ArrayList<>();

        EntryDraft(int line) {
            this.line = line;
        }

        void address(String currency, String number) {
            try {
                addresses.add(new WalletAddress(currency, number));
            } catch (InvalidValueException invalid) {
                throw new ListFileRejected(
                        where(),
                        "has a digital currency address that is not valid: " + invalid.field() + " " + invalid.rule());
            }
        }

        SanctionsEntry toEntry() {
            if (uid == null || uid.isBlank()) {
                throw new ListFileRejected(where(), "has no <uid>");
            }
            if (!name.present()) {
                throw new ListFileRejected(where(), "(uid " + uid + ") has no <lastName>");
            }
            try {
                return new SanctionsEntry(uid, name.full(), type, programs, aliases, addresses);
            } catch (InvalidValueException invalid) {
                throw new ListFileRejected(
                        where(), "(uid " + uid + ") is not valid: " + invalid.field() + " " + invalid.rule());
            }
        }

        private String where() {
            return fileName + " line " + line + ", <sdnEntry>";
        }
    }
}

package io.holdfast.command.sanctions.ofac;

import io.holdfast.kernel.sanctions.SanctionsEntry;
import java.time.LocalDate;
import java.util.List;

/**
 * What a list file holds: its publication date when the file carries one, its entries, the names
 * of the OFAC lists its entries are on when the file says (the advanced form does, such as
 * {@code SDN List}; the other forms hold one list and do not name it), and the entries whose
 * remarks sdn.csv cuts without continuation, when the uploader accepted that.
 */
public record ParsedList(
        String format,
        LocalDate publicationDate,
        List<SanctionsEntry> entries,
        List<String> ofacLists,
        List<String> incompleteEntries) {

    public ParsedList(String format, LocalDate publicationDate, List<SanctionsEntry> entries) {
        this(format, publicationDate, entries, List.of(), List.of());
    }

    public ParsedList(String format, LocalDate publicationDate, List<SanctionsEntry> entries, List<String> ofacLists) {
        this(format, publicationDate, entries, ofacLists, List.of());
    }
}

package io.holdfast.command.sanctions;

import io.holdfast.command.sanctions.ofac.ParsedList;
import io.holdfast.command.sanctions.ofac.SdnAdvancedXmlReader;
import io.holdfast.kernel.InvalidValueException;
import io.holdfast.kernel.sanctions.SanctionsEntry;
import io.holdfast.kernel.sanctions.SanctionsListId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of Holdfast's lists a file is imported as. OFAC publishes the SDN list and the consolidated
 * non-SDN lists apart; each is a list of its own here ({@code OFAC-SDN}, {@code OFAC-CONSOLIDATED})
 * with its own versions, so that importing one never delists the other's entries. The advanced form
 * names the lists its entries are on. The classic forms (sdn.xml and consolidated.xml, sdn.csv and
 * cons_prim.csv) do not, so their entries tell: an entry designated only under the programs of the
 * non-SDN lists is on the consolidated list, which sdn.csv never holds (its entries on a non-SDN
 * list, such as {@code SDGT] [NS-PLC}, are designated under an SDN program too). The file decides
 * when the uploader does not name a list, and a file uploaded as the other OFAC list is refused.
 */
final class OfacListNames {

    static final SanctionsListId CONSOLIDATED = new SanctionsListId("OFAC-CONSOLIDATED");

    /**
     * The program tags of OFAC's non-SDN lists: NS-PLC, the Foreign Sanctions Evaders (FSE-), the
     * Chinese military-industrial complex list (CMIC-), the menu-based and Iran Sanctions Act
     * lists (NS-MBS, NS-ISA), the Part 561 list (561-, CAPTA) and the sectoral identifications (SSI).
     */
    private static final Set<String> NON_SDN_TAGS = Set.of("NS-PLC", "NS-MBS", "NS-ISA", "CAPTA", "SSI");

    private static final List<String> NON_SDN_PREFIXES = List.of("FSE-", "CMIC-", "561-", "NS-");

    private OfacListNames() {}

    static SanctionsListId listFor(String requested, ParsedList file, String fileName) {
        SanctionsListId named =
                requested == null || requested.isBlank() ? null : new SanctionsListId(requested.strip());
        if (file.ofacLists().isEmpty()) {
            return classicListFor(named, file, fileName);
        }
        boolean sdn = file.ofacLists().contains(SdnAdvancedXmlReader.SDN_LIST);
        boolean others = file.ofacLists().stream().anyMatch(list -> !list.equals(SdnAdvancedXmlReader.SDN_LIST));
        if (sdn && others) {
            if (named == null || named.equals(SanctionsListId.OFAC_SDN) || named.equals(CONSOLIDATED)) {
                throw new InvalidValueException(
                        "list",
                        "must name a list of your own for this file: it holds entries of"
                                + " OFAC's SDN list and of its non-SDN lists (" + String.join(", ", file.ofacLists())
                                + "), which"
                                + " OFAC publishes apart as SDN_ADVANCED.XML and CONS_ADVANCED.XML");
            }
            return named;
        }
        return checked(
                named,
                sdn,
                sdn
                        ? "OFAC's SDN list"
                        : "OFAC's consolidated non-SDN list (" + String.join(", ", file.ofacLists()) + ")");
    }

    private static SanctionsListId classicListFor(SanctionsListId named, ParsedList file, String fileName) {
        Set<String> nonSdnOnly = new TreeSet<>();
        for (SanctionsEntry entry : file.entries()) {
            if (!entry.programs().isEmpty() && entry.programs().stream().allMatch(OfacListNames::isNonSdnProgram)) {
                nonSdnOnly.add(entry.uid());
            }
        }
        boolean consolidatedByName = isConsolidatedFileName(fileName);
        if (nonSdnOnly.isEmpty() && !consolidatedByName) {
            return checked(named, true, "OFAC's SDN list");
        }
        String why = nonSdnOnly.isEmpty()
                ? "named as OFAC names its consolidated files"
                : "with entries designated only under non-SDN programs, such as "
                        + String.join(", ", first(nonSdnOnly));
        return checked(named, false, "OFAC's consolidated non-SDN list (" + why + ")");
    }

    private static SanctionsListId checked(SanctionsListId named, boolean sdn, String fileIs) {
        SanctionsListId byFile = sdn ? SanctionsListId.OFAC_SDN : CONSOLIDATED;
        SanctionsListId other = sdn ? CONSOLIDATED : SanctionsListId.OFAC_SDN;
        if (other.equals(named)) {
            throw new InvalidValueException(
                    "list", "is " + named.name() + " but the file is " + fileIs + "; import it as " + byFile.name());
        }
        return named == null ? byFile : named;
    }

    static boolean isNonSdnProgram(String program) {
        String tag = program.strip().toUpperCase(Locale.ROOT);
        return NON_SDN_TAGS.contains(tag) || NON_SDN_PREFIXES.stream().anyMatch(tag::startsWith);
    }

    /** OFAC's consolidated files: cons_prim.csv, cons_alt.csv, cons_add.csv, cons_comments.csv, consolidated.xml. */
    private static boolean isConsolidatedFileName(String fileName) {
        if (fileName == null) {
            return false;
        }
        String name = fileName.strip().toLowerCase(Locale.ROOT);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        return name.startsWith("cons_") || name.startsWith("consolidated.");
    }

    private static List<String> first(Set<String> uids) {
        return uids.stream().limit(5).toList();
    }
}

package io.holdfast.command.sanctions;

import io.holdfast.command.sanctions.ofac.ParsedList;
import io.holdfast.command.sanctions.ofac.SdnAdvancedXmlReader;
import io.holdfast.kernel.InvalidValueException;
import io.holdfast.kernel.sanctions.SanctionsListId;

/**
 * Which of Holdfast's lists a file is imported as. OFAC publishes the SDN list and the consolidated
 * non-SDN lists apart; each is a list of its own here ({@code OFAC-SDN}, {@code OFAC-CONSOLIDATED})
 * with its own versions, so that importing one never delists the other's entries. The advanced form
 * names the lists its entries are on, so the file decides when the uploader does not, and a file
 * uploaded as the other list is refused.
 */
final class OfacListNames {

    static final SanctionsListId CONSOLIDATED = new SanctionsListId("OFAC-CONSOLIDATED");

    private OfacListNames() {}

    static SanctionsListId listFor(String requested, ParsedList file) {
        SanctionsListId named =
                requested == null || requested.isBlank() ? null : new SanctionsListId(requested.strip());
        if (file.ofacLists().isEmpty()) {
            return named == null ? SanctionsListId.OFAC_SDN : named;
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
        SanctionsListId byFile = sdn ? SanctionsListId.OFAC_SDN : CONSOLIDATED;
        SanctionsListId other = sdn ? CONSOLIDATED : SanctionsListId.OFAC_SDN;
        if (other.equals(named)) {
            throw new InvalidValueException(
                    "list",
                    "is " + named.name() + " but the file is "
                            + (sdn
                                    ? "OFAC's SDN list"
                                    : "OFAC's consolidated non-SDN list (" + String.join(", ", file.ofacLists()) + ")")
                            + "; import it as " + byFile.name());
        }
        return named == null ? byFile : named;
    }
}

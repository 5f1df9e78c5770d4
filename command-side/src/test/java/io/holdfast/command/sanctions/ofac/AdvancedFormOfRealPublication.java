package io.holdfast.command.sanctions.ofac;

import io.holdfast.kernel.sanctions.SanctionsEntry;
import io.holdfast.kernel.sanctions.WalletAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a list in OFAC's advanced form (after OFAC's published ADVANCED_XML schema) from a real
 * publication's parties and the digital-currency addresses OFAC's advanced file of that day named.
 * No whole real SDN_ADVANCED.XML is at hand: the parties come from that day's sdn.csv; an address
 * sdn.csv holds whole stays with its party, and the addresses sdn.csv loses past its cut go to the
 * parties whose remarks it cut, in turn (which of those parties holds which is not known here).
 */
final class AdvancedFormOfRealPublication {

    private static final Map<String, Integer> PARTY_SUB_TYPES =
            Map.of("Vessel", 1, "Aircraft", 2, "Entity", 3, "Individual", 4);

    private AdvancedFormOfRealPublication() {}

    /** {@code extraAddresses}: per incomplete entry's uid, the addresses it is given besides its whole ones. */
    static String write(
            List<SanctionsEntry> parties, Map<String, List<WalletAddress>> extraAddresses, List<String> currencies) {
        StringBuilder xml = new StringBuilder(parties.size() * 1200);
        xml.append(
                        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Sanctions xmlns=\"https://sanctionslistservice.ofac.treas.gov/api/")
                .append(
                        "PublicationPreview/exports/ADVANCED_XML\">\n  <DateOfIssue><Year>2024</Year><Month>5</Month><Day>2</Day></DateOfIssue>\n")
                .append("  <ReferenceValueSets>\n    <FeatureTypeValues>\n");
        for (int i = 0; i < currencies.size(); i++) {
            xml.append("      <FeatureType ID=\"")
                    .append(900 + i)
                    .append("\" FeatureTypeGroupID=\"1\">Digital Currency Address - ")
                    .append(currencies.get(i))
                    .append("</FeatureType>\n");
        }
        xml.append("    </FeatureTypeValues>\n    <ListValues><List ID=\"1550\">SDN List</List></ListValues>\n")
                .append("    <NamePartTypeValues><NamePartType ID=\"1520\">Last Name</NamePartType>")
                .append(
                        "<NamePartType ID=\"1521\">First Name</NamePartType><NamePartType ID=\"1525\">Entity Name</NamePartType></NamePartTypeValues>\n")
                .append("    <PartySubTypeValues><PartySubType ID=\"1\" PartyTypeID=\"3\">Vessel</PartySubType>")
                .append(
                        "<PartySubType ID=\"2\" PartyTypeID=\"3\">Aircraft</PartySubType><PartySubType ID=\"3\" PartyTypeID=\"2\">Unknown</PartySubType>")
                .append("<PartySubType ID=\"4\" PartyTypeID=\"1\">Unknown</PartySubType></PartySubTypeValues>\n")
                .append(
                        "    <PartyTypeValues><PartyType ID=\"1\">Individual</PartyType><PartyType ID=\"2\">Entity</PartyType>")
                .append("<PartyType ID=\"3\">Transport</PartyType></PartyTypeValues>\n")
                .append(
                        "    <SanctionsTypeValues><SanctionsType ID=\"1\">Program</SanctionsType></SanctionsTypeValues>\n")
                .append("  </ReferenceValueSets>\n  <DistinctParties>\n");
        for (SanctionsEntry party : parties) {
            String uid = party.uid();
            String type = party.entryType() == null
                    ? "Entity"
                    : party.entryType().substring(0, 1).toUpperCase()
                            + party.entryType().substring(1).toLowerCase();
            xml.append("    <DistinctParty FixedRef=\"")
                    .append(uid)
                    .append("\">\n      <Profile ID=\"")
                    .append(uid)
                    .append("\" PartySubTypeID=\"")
                    .append(PARTY_SUB_TYPES.getOrDefault(type, 3))
                    .append("\">\n")
                    .append("        <Identity ID=\"")
                    .append(uid)
                    .append("\" FixedRef=\"")
                    .append(uid)
                    .append("\" Primary=\"true\">\n");
            alias(xml, party.name(), true, type.equals("Individual"));
            for (String alias : party.aliases()) {
                alias(xml, alias, false, type.equals("Individual"));
            }
            xml.append(
                            "          <NamePartGroups><MasterNamePartGroup><NamePartGroup ID=\"1\" NamePartTypeID=\"1520\"/></MasterNamePartGroup>")
                    .append(
                            "<MasterNamePartGroup><NamePartGroup ID=\"2\" NamePartTypeID=\"1521\"/></MasterNamePartGroup>")
                    .append(
                            "<MasterNamePartGroup><NamePartGroup ID=\"3\" NamePartTypeID=\"1525\"/></MasterNamePartGroup></NamePartGroups>\n")
                    .append("        </Identity>\n");
            List<WalletAddress> addresses = new ArrayList<>(party.addresses());
            addresses.addAll(extraAddresses.getOrDefault(uid, List.of()));
            for (WalletAddress address : addresses) {
                xml.append("        <Feature FeatureTypeID=\"")
                        .append(900 + currencies.indexOf(address.currency()))
                        .append(
                                "\"><FeatureVersion ReliabilityID=\"1\"><Comment/><VersionDetail DetailTypeID=\"1432\">")
                        .append(address.address())
                        .append("</VersionDetail></FeatureVersion></Feature>\n");
            }
            xml.append("      </Profile>\n    </DistinctParty>\n");
        }
        xml.append("  </DistinctParties>\n  <SanctionsEntries>\n");
        for (SanctionsEntry party : parties) {
            xml.append("    <SanctionsEntry ID=\"")
                    .append(party.uid())
                    .append("\" ProfileID=\"")
                    .append(party.uid())
                    .append("\" ListID=\"1550\">\n");
            for (String program : party.programs()) {
                xml.append("      <SanctionsMeasure SanctionsTypeID=\"1\"><Comment>")
                        .append(escaped(program))
                        .append("</Comment></SanctionsMeasure>\n");
            }
            xml.append("    </SanctionsEntry>\n");
        }
        return xml.append("  </SanctionsEntries>\n</Sanctions>\n").toString();
    }

    /** A person's name {@code LAST, First} as a last-name part and a first-name part; any other name as one part. */
    private static void alias(StringBuilder xml, String name, boolean primary, boolean person) {
        xml.append("          <Alias Primary=\"").append(primary).append("\"><DocumentedName>");
        int comma = name.indexOf(", ");
        if (person && comma > 0) {
            part(xml, 1, name.substring(0, comma));
            part(xml, 2, name.substring(comma + 2));
        } else {
            part(xml, 3, name);
        }
        xml.append("</DocumentedName></Alias>\n");
    }

    private static void part(StringBuilder xml, int group, String value) {
        xml.append("<DocumentedNamePart><NamePartValue NamePartGroupID=\"")
                .append(group)
                .append("\">")
                .append(escaped(value))
                .append("</NamePartValue></DocumentedNamePart>");
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

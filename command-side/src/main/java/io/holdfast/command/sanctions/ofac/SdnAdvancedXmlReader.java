package io.holdfast.command.sanctions.ofac;

import io.holdfast.kernel.InvalidValueException;
import io.holdfast.kernel.sanctions.SanctionsEntry;
import io.holdfast.kernel.sanctions.WalletAddress;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads OFAC's advanced XML form (SDN_ADVANCED.XML, CONS_ADVANCED.XML: the UN-sponsored sanctions
 * data model) as a stream. The document first defines its reference values (feature types, party
 * types, name-part types, lists), then the parties with their names and features, then which list
 * and programs each party is on. Per party it keeps the fixed id (the {@code ent_num} of the CSV
 * form), the primary name, the other names as aliases, the type, the programs and every
 * {@code Digital Currency Address - XXX} feature. Locations, documents and relationships are
 * skipped as they stream by, so what is held grows with the parties, never with the document.
 */
public final class SdnAdvancedXmlReader extends ElementStream {

    public static final String FORMAT = "SDN_ADVANCED_XML";
    /** The name OFAC gives the SDN list among the lists of its advanced files. */
    public static final String SDN_LIST = "SDN List";

    private final Map<String, String> featureTypes = new HashMap<>();
    private final Map<String, String> partyTypes = new HashMap<>();
    private final Map<String, String[]> partySubTypes = new HashMap<>();
    private final Map<String, String> namePartTypes = new HashMap<>();
    private final Map<String, String> lists = new HashMap<>();
    private final Map<String, String> sanctionsTypes = new HashMap<>();

    private final Map<String, Integer> issued = new HashMap<>();
    private final List<PartyDraft> parties = new ArrayList<>();
    private final Map<String, PartyDraft> partiesByProfile = new HashMap<>();
    private final Set<String> listsNamed = new LinkedHashSet<>();

    private PartyDraft party;
    private IdentityDraft identity;
    private List<String[]> aliasName;
    private boolean aliasPrimary;
    private boolean aliasNamed;
    private String featureCurrency;
    private PartyDraft sanctioned;
    private boolean programMeasure;

    private SdnAdvancedXmlReader(String fileName) {
        super(fileName);
    }

    /** Reads a document that must be in the advanced form. */
    public static ParsedList read(InputStream in, String fileName) {
        return OfacXml.read(in, fileName, OfacXml.Form.ADVANCED);
    }

    static ParsedList read(XMLStreamReader positionedAtRoot, String fileName) throws XMLStreamException {
        return new SdnAdvancedXmlReader(fileName).readAll(positionedAtRoot);
    }

    private ParsedList readAll(XMLStreamReader positionedAtRoot) throws XMLStreamException {
        walk(positionedAtRoot);
        List<SanctionsEntry> entries = new ArrayList<>(parties.size());
        parties.forEach(draft -> entries.add(draft.toEntry()));
        return new ParsedList(FORMAT, issuedOn(), entries, List.copyOf(listsNamed));
    }

    @Override
    protected void start(String name) throws XMLStreamException {
        String parent = path.peek();
        path.push(name);
        switch (name) {
            case "FeatureType" -> featureTypes.put(attribute("ID"), text());
            case "PartyType" -> partyTypes.put(attribute("ID"), text());
            case "PartySubType" -> {
                String partyType = attribute("PartyTypeID");
                partySubTypes.put(attribute("ID"), new String[] {text(), partyType});
            }
            case "NamePartType" -> namePartTypes.put(attribute("ID"), text());
            case "List" -> lists.put(attribute("ID"), text());
            case "SanctionsType" -> sanctionsTypes.put(attribute("ID"), text());
            case "Year", "Month", "Day" -> {
                String value = text();
                if ("DateOfIssue".equals(parent)) {
                    issued.put(name, number(name, value));
                }
            }
            case "DistinctParty" ->
                party = new PartyDraft(attribute("FixedRef"), xml.getLocation().getLineNumber());
            case "Profile" -> {
                if (party != null) {
                    party.profileId = attribute("ID");
                    party.subType = attribute("PartySubTypeID");
                }
            }
            case "Identity" -> identity = party == null ? null : new IdentityDraft();
            case "Alias" -> {
                aliasPrimary = "true".equalsIgnoreCase(attribute("Primary"));
                aliasNamed = false;
            }
            case "DocumentedName" -> {
                // an alias may be written in several scripts; the first is the Latin one
                aliasName = null;
                if (identity != null && !aliasNamed) {
                    aliasName = new ArrayList<>();
                    identity.names.add(new Object[] {aliasPrimary, aliasName});
                    aliasNamed = true;
                }
            }
            case "NamePartValue" -> {
                String group = attribute("NamePartGroupID");
                String value = text();
                if (aliasName != null && "DocumentedNamePart".equals(parent)) {
                    aliasName.add(new String[] {group, value});
                }
            }
            case "NamePartGroup" -> {
                if (identity != null) {
                    identity.groupTypes.put(attribute("ID"), attribute("NamePartTypeID"));
                }
            }
            case "Feature" -> {
                featureCurrency = null;
                if (party != null) {
                    featureCurrency = DigitalCurrencyIds.currencyOf(featureTypes.get(attribute("FeatureTypeID")))
                            .orElse(null);
                }
            }
            case "VersionDetail" -> {
                String value = text();
                if (featureCurrency != null && party != null && !value.isBlank()) {
                    party.address(featureCurrency, value);
                }
            }
            case "SanctionsEntry" -> {
                String profile = attribute("ProfileID");
                sanctioned = partiesByProfile.get(profile);
                if (sanctioned == null) {
                    throw rejected("<SanctionsEntry> names profile " + profile + ", which no <DistinctParty> holds");
                }
                String list = lists.getOrDefault(attribute("ListID"), attribute("ListID"));
                if (list != null) {
                    listsNamed.add(list);
                }
            }
            case "SanctionsMeasure" -> {
                String type = attribute("SanctionsTypeID");
                String typeName = sanctionsTypes.get(type);
                programMeasure =
                        typeName == null ? "1".equals(type) : typeName.strip().equalsIgnoreCase("Program");
            }
            case "Comment" -> {
                String value = text();
                if ("SanctionsMeasure".equals(parent)
                        && programMeasure
                        && sanctioned != null
                        && !value.isBlank()
                        && !sanctioned.programs.contains(value)) {
                    sanctioned.programs.add(value);
                }
            }
            default -> {}
        }
    }

    @Override
    protected void end(String name) {
        path.pop();
        switch (name) {
            case "DocumentedName" -> aliasName = null;
            case "Identity" -> {
                if (party != null && identity != null) {
                    identity.resolveInto(party);
                }
                identity = null;
            }
            case "Feature" -> featureCurrency = null;
            case "DistinctParty" -> {
                if (party.profileId == null) {
                    party.profileId = party.fixedRef;
                }
                parties.add(party);
                partiesByProfile.putIfAbsent(party.profileId, party);
                party = null;
            }
            case "SanctionsEntry" -> sanctioned = null;
            case "SanctionsMeasure" -> programMeasure = false;
            default -> {}
        }
    }

    private String attribute(String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? null : value.strip();
    }

    private int number(String element, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw rejected("<" + element + "> '" + value + "' is not a number");
        }
    }

    private LocalDate issuedOn() {
        if (!issued.keySet().containsAll(List.of("Year", "Month", "Day"))) {
            return null;
        }
        try {
            return LocalDate.of(issued.get("Year"), issued.get("Month"), issued.get("Day"));
        } catch (DateTimeException notADate) {
            throw new ListFileRejected(fileName + " <DateOfIssue>", "is not a date: " + notADate.getMessage());
        }
    }

    private ListFileRejected rejected(String rule) {
        return new ListFileRejected(OfacXml.where(fileName, xml), rule);
    }

    /** The names of one identity, resolved once its name-part groups (written after the names) are known. */
    private final class IdentityDraft {
        private final List<Object[]> names = new ArrayList<>();
        private final Map<String, String> groupTypes = new LinkedHashMap<>();

        @SuppressWarnings("unchecked")
        void resolveInto(PartyDraft target) {
            for (Object[] name : names) {
                String full = fullName((List<String[]>) name[1]);
                if (full.isEmpty()) {
                    continue;
                }
                if ((Boolean) name[0] && target.name == null) {
                    target.name = full;
                } else if (!full.equals(target.name) && !target.aliases.contains(full)) {
                    target.aliases.add(full);
                }
            }
        }

        /** As OFAC writes a person's name in its other forms: {@code LAST, First Middle}. */
        private String fullName(List<String[]> parts) {
            List<String> last = new ArrayList<>();
            List<String> rest = new ArrayList<>();
            for (String[] part : parts) {
                String type = namePartTypes.getOrDefault(groupTypes.get(part[0]), "");
                (type.equalsIgnoreCase("Last Name") ? last : rest).add(part[1]);
            }
            if (last.isEmpty() || rest.isEmpty()) {
                List<String> all = new ArrayList<>(last);
                all.addAll(rest);
                return String.join(" ", all).strip();
            }
            return (String.join(" ", last) + ", " + String.join(" ", rest)).strip();
        }
    }

    private final class PartyDraft {
        private final String fixedRef;
        private final int line;
        private String profileId;
        private String subType;
        private String name;
        private final List<String> programs = new ArrayList<>();
        private final List<String> aliases = new ArrayList<>();
        private final List<WalletAddress> addresses = new ArrayList<>();

        PartyDraft(String fixedRef, int line) {
            this.fixedRef = fixedRef;
            this.line = line;
        }

        void address(String currency, String value) {
            try {
                addresses.add(new WalletAddress(currency, value));
            } catch (InvalidValueException invalid) {
                throw new ListFileRejected(
                        where(),
                        "has a digital currency address that is not valid: " + invalid.field() + " " + invalid.rule());
            }
        }

        /** The party's type as the classic form names it: Individual, Entity, Vessel or Aircraft. */
        private String type() {
            String[] sub = partySubTypes.get(subType);
            if (sub == null) {
                return null;
            }
            String named = sub[0].equalsIgnoreCase("Unknown") ? partyTypes.get(sub[1]) : sub[0];
            return named == null || named.isBlank()
                    ? null
                    : named.substring(0, 1).toUpperCase(Locale.ROOT) + named.substring(1);
        }

        SanctionsEntry toEntry() {
            if (fixedRef == null || fixedRef.isBlank()) {
                throw new ListFileRejected(where(), "has no FixedRef");
            }
            if (name == null) {
                throw new ListFileRejected(where(), "(FixedRef " + fixedRef + ") has no primary name");
            }
            try {
                return new SanctionsEntry(fixedRef, name, type(), programs, aliases, addresses);
            } catch (InvalidValueException invalid) {
                throw new ListFileRejected(
                        where(), "(FixedRef " + fixedRef + ") is not valid: " + invalid.field() + " " + invalid.rule());
            }
        }

        private String where() {
            return fileName + " line " + line + ", <DistinctParty>";
        }
    }
}

package io.holdfast.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A whole list imported in each of OFAC's forms by Holdfast allowed only {@code -Xmx160m}: the
 * advanced XML (generated after OFAC's schema, the size of a real SDN_ADVANCED.XML), the classic
 * XML of the same parties, and OFAC's real CSV files when the {@code ofac-data} folder is there
 * (sdn.csv of 2024-05-02 alone, the 2021-07 set with its sdn_comments.csv). Each import is timed
 * from the request to its answer while the heap is sampled, all in one run, side by side.
 */
final class ListImportBenchmark {

    private static final String HEAP = "160m";

    private final Deployment deployment;
    private final Tokens tokens;
    private final Report report;
    private final Path work;
    private final long advancedBytes;
    private final Path ofacData;
    private final Random random = new Random(20240502);
    private final GeneratedText text = new GeneratedText(random);

    ListImportBenchmark(
            Deployment deployment, Tokens tokens, Report report, Path work, int advancedMegabytes, Path ofacData) {
        this.deployment = deployment;
        this.tokens = tokens;
        this.report = report;
        this.work = work;
        this.advancedBytes = advancedMegabytes * 1024L * 1024L;
        this.ofacData = ofacData;
    }

    void run() throws Exception {
        Files.createDirectories(work);
        Path advanced = work.resolve("SDN_ADVANCED-generated.xml");
        Path classic = work.resolve("sdn-generated.xml");
        int parties = writeBothForms(advanced, classic);

        report.line(
                "### List imports on %s with `-Xmx%s`", deployment.store.name().toLowerCase(), HEAP);
        report.line("");
        report.line("| file | size | entries | addresses | import (request to answer) | MB/s | heap peak sampled |");
        report.line("|---|---|---|---|---|---|---|");
        try (HoldfastProcess holdfast = deployment.startHoldfastWithHeap("lists", HEAP)) {
            measure(
                    holdfast,
                    "advanced XML, generated after OFAC's schema",
                    advanced,
                    "BENCH-ADVANCED",
                    "application/xml",
                    null);
            measure(
                    holdfast,
                    "classic sdn.xml of the same " + String.format("%,d", parties) + " parties",
                    classic,
                    "BENCH-CLASSIC",
                    "application/xml",
                    null);
            if (ofacData != null && Files.isDirectory(ofacData)) {
                measure(
                        holdfast,
                        "OFAC's sdn.csv of 2024-05-02 alone (incompleteRemarks=accept)",
                        ofacData.resolve("sdn-2024-05-02.csv"),
                        "BENCH-CSV-2024",
                        "text/csv",
                        "&publicationDate=2024-05-02&incompleteRemarks=accept");
                Path set = ofacData.resolve("csv-set-2021-07-07");
                measureParts(holdfast, set);
            } else {
                report.line("| OFAC's real CSV files | not found at %s: pass `--ofac-data` | | | | | |", ofacData);
            }
        }
        report.line("");
    }

    private void measure(
            HoldfastProcess holdfast, String what, Path file, String list, String contentType, String query)
            throws Exception {
        HeapWatch heap = new HeapWatch(holdfast);
        long start = System.nanoTime();
        JsonNode imported = Uploads.post(
                holdfast,
                tokens,
                "/api/sanctions/lists?list=" + list + (query == null ? "" : query),
                contentType,
                file);
        line(what, Files.size(file), imported, (System.nanoTime() - start) / 1e9, heap.stop());
    }

    private void measureParts(HoldfastProcess holdfast, Path set) throws Exception {
        List<String[]> parts = List.of(
                new String[] {"file", set.resolve("sdn.csv").toString()},
                new String[] {"alt", set.resolve("alt.csv").toString()},
                new String[] {"add", set.resolve("add.csv").toString()},
                new String[] {"comments", set.resolve("sdn_comments.csv").toString()});
        long size = 0;
        for (String[] part : parts) {
            size += Files.size(Path.of(part[1]));
        }
        HeapWatch heap = new HeapWatch(holdfast);
        long start = System.nanoTime();
        JsonNode imported = Uploads.postParts(
                holdfast, tokens, "/api/sanctions/lists?list=BENCH-CSV-2021&publicationDate=2021-07-07", parts, work);
        line("OFAC's CSV set of 2021-07 (four parts)", size, imported, (System.nanoTime() - start) / 1e9, heap.stop());
    }

    private void line(String what, long bytes, JsonNode imported, double seconds, long heapPeak) {
        report.line(
                "| %s | %.1f MB | %,d | %,d | %.1f s | %.1f | %d MB of %s |",
                what,
                bytes / 1048576.0,
                imported.path("entries").asInt(),
                imported.path("addresses").asLong(),
                seconds,
                bytes / 1048576.0 / seconds,
                heapPeak / 1048576,
                HEAP);
    }

    /**
     * Writes the same parties in the advanced and the classic form until the advanced file reaches
     * the size asked. Each party carries what real ones do: names with a second script, programs,
     * a birth date, a location, a document; one in twenty-five holds digital-currency addresses.
     */
    private int writeBothForms(Path advanced, Path classic) throws IOException {
        int party = 0;
        try (BufferedWriter adv = Files.newBufferedWriter(advanced, StandardCharsets.UTF_8);
                BufferedWriter cls = Files.newBufferedWriter(classic, StandardCharsets.UTF_8)) {
            adv.write("""
                    <?xml version="1.0" encoding="utf-8"?>
                    <Sanctions xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML">
                      <DateOfIssue><Year>2024</Year><Month>5</Month><Day>2</Day></DateOfIssue>
                      <ReferenceValueSets>
                        <FeatureTypeValues><FeatureType ID="8">Birthdate</FeatureType><FeatureType ID="25">Location</FeatureType>
                          <FeatureType ID="344">Digital Currency Address - XBT</FeatureType><FeatureType ID="345">Digital Currency Address - ETH</FeatureType></FeatureTypeValues>
                        <ListValues><List ID="1550">SDN List</List></ListValues>
                        <NamePartTypeValues><NamePartType ID="1520">Last Name</NamePartType><NamePartType ID="1521">First Name</NamePartType></NamePartTypeValues>
                        <PartySubTypeValues><PartySubType ID="4" PartyTypeID="1">Unknown</PartySubType></PartySubTypeValues>
                        <PartyTypeValues><PartyType ID="1">Individual</PartyType></PartyTypeValues>
                        <SanctionsTypeValues><SanctionsType ID="1">Program</SanctionsType></SanctionsTypeValues>
                      </ReferenceValueSets>
                    """);
            cls.write("""
                    <?xml version="1.0" standalone="yes"?>
                    <sdnList xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML">
                      <publshInformation><Publish_Date>05/02/2024</Publish_Date></publshInformation>
                    """);
            List<String[]> entries = new ArrayList<>();
            StringBuilder parties = new StringBuilder();
            long written = 0;
            adv.write("  <Locations>\n");
            // the parties are written after the locations and documents, as OFAC does; their size is known first
            while (written < advancedBytes) {
                party++;
                String[] names = {
                    text.word(8).toUpperCase(),
                    GeneratedText.capitalised(text.word(6)) + " " + GeneratedText.capitalised(text.word(7)),
                    text.word(8).toUpperCase(),
                    GeneratedText.capitalised(text.word(5))
                };
                List<String[]> addresses = new ArrayList<>();
                if (party % 25 == 0) {
                    for (int a = 0; a < 1 + party % 3; a++) {
                        addresses.add(
                                a % 2 == 0
                                        ? new String[] {"344", "XBT", text.base58()}
                                        : new String[] {"345", "ETH", text.ethereum(false)});
                    }
                }
                String location = "    <Location ID=\"" + party
                        + "\"><LocationCountry CountryID=\"11156\"/><LocationPart LocPartTypeID=\"1454\">"
                        + "<LocationPartValue Primary=\"true\"><Comment/><Value>"
                        + GeneratedText.capitalised(text.word(9)) + " Street "
                        + party
                        + "</Value></LocationPartValue></LocationPart></Location>\n";
                adv.write(location);
                String partyXml = advancedParty(party, names, addresses);
                parties.append(partyXml);
                written += location.length() + partyXml.length() + 400;
                cls.write(classicEntry(party, names, addresses));
                entries.add(names);
                if (parties.length() > 8_000_000) {
                    // bounded by flushing into a side file, then appended after the locations
                    Files.writeString(
                            work.resolve("parties.part"),
                            parties,
                            StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.APPEND);
                    parties.setLength(0);
                }
            }
            adv.write("  </Locations>\n  <DistinctParties>\n");
            Path side = work.resolve("parties.part");
            if (Files.exists(side)) {
                adv.flush();
                try (var in = Files.newBufferedReader(side, StandardCharsets.UTF_8)) {
                    in.transferTo(adv);
                }
                Files.delete(side);
            }
            adv.write(parties.toString());
            adv.write("  </DistinctParties>\n  <SanctionsEntries>\n");
            for (int p = 1; p <= party; p++) {
                adv.write(
                        "    <SanctionsEntry ID=\"" + p + "\" ProfileID=\"" + (100000 + p)
                                + "\" ListID=\"1550\"><EntryEvent EntryEventTypeID=\"1\">"
                                + "<Date><Year>2020</Year><Month>1</Month><Day>1</Day></Date></EntryEvent>"
                                + "<SanctionsMeasure SanctionsTypeID=\"1\"><Comment>SDGT</Comment></SanctionsMeasure>"
                                + "<SanctionsMeasure SanctionsTypeID=\"1\"><Comment>CYBER2</Comment></SanctionsMeasure></SanctionsEntry>\n");
            }
            adv.write("  </SanctionsEntries>\n</Sanctions>\n");
            cls.write("</sdnList>\n");
        }
        return party;
    }

    private String advancedParty(int party, String[] names, List<String[]> addresses) {
        int uid = 100000 + party;
        StringBuilder xml = new StringBuilder(6000);
        xml.append("    <DistinctParty FixedRef=\"")
                .append(uid)
                .append("\">\n      <Comment/>\n      <Profile ID=\"")
                .append(uid)
                .append("\" PartySubTypeID=\"4\">\n        <Identity ID=\"")
                .append(uid)
                .append("\" FixedRef=\"")
                .append(uid)
                .append("\" Primary=\"true\" False=\"false\">\n");
        for (int alias = 0; alias < 2; alias++) {
            xml.append("          <Alias FixedRef=\"")
                    .append(uid)
                    .append("\" AliasTypeID=\"")
                    .append(alias == 0 ? 1403 : 1400)
                    .append("\" Primary=\"")
                    .append(alias == 0)
                    .append("\" LowQuality=\"false\">\n")
                    .append("            <DocumentedName ID=\"")
                    .append(uid * 10 + alias)
                    .append("\" FixedRef=\"")
                    .append(uid)
                    .append("\" DocNameStatusID=\"1\">\n")
                    .append(
                            "              <DocumentedNamePart><NamePartValue NamePartGroupID=\"1\" ScriptID=\"215\" ScriptStatusID=\"1\" Acronym=\"false\">")
                    .append(names[alias * 2])
                    .append("</NamePartValue></DocumentedNamePart>\n")
                    .append(
                            "              <DocumentedNamePart><NamePartValue NamePartGroupID=\"2\" ScriptID=\"215\" ScriptStatusID=\"1\" Acronym=\"false\">")
                    .append(names[alias * 2 + 1])
                    .append("</NamePartValue></DocumentedNamePart>\n")
                    .append("            </DocumentedName>\n")
                    .append("            <DocumentedName ID=\"")
                    .append(uid * 10 + 5 + alias)
                    .append("\" FixedRef=\"")
                    .append(uid)
                    .append(
                            "\" DocNameStatusID=\"2\">\n              <DocumentedNamePart><NamePartValue NamePartGroupID=\"1\" ScriptID=\"220\">")
                    .append("Иванов Пётр")
                    .append(
                            "</NamePartValue></DocumentedNamePart>\n            </DocumentedName>\n          </Alias>\n");
        }
        xml.append(
                        "          <NamePartGroups><MasterNamePartGroup><NamePartGroup ID=\"1\" NamePartTypeID=\"1520\"/></MasterNamePartGroup>")
                .append(
                        "<MasterNamePartGroup><NamePartGroup ID=\"2\" NamePartTypeID=\"1521\"/></MasterNamePartGroup></NamePartGroups>\n")
                .append("        </Identity>\n")
                .append("        <Feature ID=\"")
                .append(uid)
                .append("1\" FeatureTypeID=\"8\">\n          <FeatureVersion ID=\"")
                .append(uid)
                .append(
                        "1\" ReliabilityID=\"1\">\n            <Comment/>\n            <DatePeriod CalendarTypeID=\"1\" YearFixed=\"false\" MonthFixed=\"false\" DayFixed=\"false\">\n")
                .append(
                        "              <Start Approximate=\"false\" YearFixed=\"false\" MonthFixed=\"false\" DayFixed=\"false\"><From><Year>1975</Year><Month>3</Month><Day>14</Day></From><To><Year>1975</Year><Month>3</Month><Day>14</Day></To></Start>\n")
                .append(
                        "              <End Approximate=\"false\" YearFixed=\"false\" MonthFixed=\"false\" DayFixed=\"false\"><From><Year>1975</Year><Month>3</Month><Day>14</Day></From><To><Year>1975</Year><Month>3</Month><Day>14</Day></To></End>\n")
                .append(
                        "            </DatePeriod>\n          </FeatureVersion>\n          <IdentityReference IdentityID=\"")
                .append(uid)
                .append("\" IdentityFeatureLinkTypeID=\"1\"/>\n        </Feature>\n")
                .append("        <Feature ID=\"")
                .append(uid)
                .append("2\" FeatureTypeID=\"25\">\n          <FeatureVersion ID=\"")
                .append(uid)
                .append("2\" ReliabilityID=\"1\">\n            <Comment/>\n            <VersionLocation LocationID=\"")
                .append(party)
                .append("\"/>\n          </FeatureVersion>\n          <IdentityReference IdentityID=\"")
                .append(uid)
                .append("\" IdentityFeatureLinkTypeID=\"1\"/>\n        </Feature>\n");
        for (String[] address : addresses) {
            xml.append("        <Feature FeatureTypeID=\"")
                    .append(address[0])
                    .append("\">\n          <FeatureVersion ReliabilityID=\"1\">\n")
                    .append("            <Comment/>\n            <VersionDetail DetailTypeID=\"1432\">")
                    .append(address[2])
                    .append("</VersionDetail>\n          </FeatureVersion>\n        </Feature>\n");
        }
        return xml.append("      </Profile>\n    </DistinctParty>\n").toString();
    }

    private static String classicEntry(int party, String[] names, List<String[]> addresses) {
        StringBuilder xml = new StringBuilder(1500);
        xml.append("  <sdnEntry>\n    <uid>")
                .append(100000 + party)
                .append("</uid>\n    <firstName>")
                .append(names[1])
                .append("</firstName>\n    <lastName>")
                .append(names[0])
                .append("</lastName>\n    <sdnType>Individual</sdnType>\n")
                .append(
                        "    <programList>\n      <program>SDGT</program>\n      <program>CYBER2</program>\n    </programList>\n    <idList>\n");
        for (String[] address : addresses) {
            xml.append("      <id>\n        <uid>")
                    .append(party)
                    .append("</uid>\n        <idType>Digital Currency Address - ")
                    .append(address[1])
                    .append("</idType>\n        <idNumber>")
                    .append(address[2])
                    .append("</idNumber>\n      </id>\n");
        }
        xml.append("    </idList>\n    <akaList>\n      <aka>\n        <uid>")
                .append(party)
                .append("</uid>\n        <type>a.k.a.</type>\n")
                .append("        <category>strong</category>\n        <firstName>")
                .append(names[3])
                .append("</firstName>\n        <lastName>")
                .append(names[2])
                .append("</lastName>\n      </aka>\n    </akaList>\n")
                .append("    <dateOfBirthList>\n      <dateOfBirthItem>\n        <uid>")
                .append(party)
                .append(
                        "</uid>\n        <dateOfBirth>14 Mar 1975</dateOfBirth>\n        <mainEntry>true</mainEntry>\n      </dateOfBirthItem>\n")
                .append("    </dateOfBirthList>\n  </sdnEntry>\n");
        return xml.toString();
    }
}

package io.holdfast.command.sanctions.ofac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.holdfast.kernel.sanctions.SanctionsEntry;
import io.holdfast.kernel.sanctions.WalletAddress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CSV form of OFAC's SDN list as OFAC published it (the files and their provenance are in the
 * shared {@code ofac-data} folder, never copied here): remarks that sdn.csv cuts at 1,000
 * characters are read whole with sdn_comments.csv, and refused without it, so no address is missed
 * and no cut piece is taken for one. Counts are computed from the files by the test itself.
 */
class RealOfacCsvFilesTest {

    private static final Pattern ADDRESS_LABEL = Pattern.compile("Digital Currency Address - ");

    private static Path data;

    @BeforeAll
    static void findOfacFiles() {
        data = OfacData.folder();
        assumeTrue(data != null, OfacData.WHERE_TO_PUT_THEM);
    }

    private static InputStream open(String file) throws IOException {
        return Files.newInputStream(data.resolve(file));
    }

    @Test
    void theCsvSetOf2021WithItsCommentsYieldsEveryAddressWhole() throws IOException {
        ParsedList list;
        try (InputStream sdn = open("csv-set-2021-07-07/sdn.csv");
                InputStream alt = open("csv-set-2021-07-07/alt.csv");
                InputStream add = open("csv-set-2021-07-07/add.csv");
                InputStream comments = open("csv-set-2021-07-07/sdn_comments.csv")) {
            list = SdnCsvReader.read(sdn, alt, add, comments);
        }

        Map<String, String> remarks = wholeRemarks("csv-set-2021-07-07/sdn.csv", "csv-set-2021-07-07/sdn_comments.csv");
        assertThat(list.entries()).hasSize(remarks.size());
        long labelled = remarks.values().stream()
                .mapToLong(text -> ADDRESS_LABEL.matcher(text).results().count())
                .sum();
        assertThat(labelled)
                .as("address ids in the remarks with their continuations")
                .isEqualTo(97);
        assertThat(list.entries().stream()
                        .mapToLong(entry -> entry.addresses().size())
                        .sum())
                .isEqualTo(labelled);

        SanctionsEntry continued = entry(list, "30518");
        String lastInSdnCsv = "1Gq";
        assertThat(continued.addresses())
                .extracting(WalletAddress::address)
                .noneMatch(address -> address.equals(lastInSdnCsv))
                .anyMatch(address -> address.startsWith(lastInSdnCsv) && address.length() > 25);
    }

    @Test
    void theCsvSetOf2021WithoutItsCommentsIsRefusedNamingTheCutEntries() throws IOException {
        String cut = cutWithAddresses("csv-set-2021-07-07/sdn.csv");
        assertThat(cut).isEqualTo("28263, 28264, 29703, 30518");
        assertThatThrownBy(() -> {
                    try (InputStream sdn = open("csv-set-2021-07-07/sdn.csv")) {
                        SdnCsvReader.read(sdn, null, null, null);
                    }
                })
                .isInstanceOf(ListFileRejected.class)
                .hasMessageContaining("entries " + cut + " at 1000 characters")
                .hasMessageContaining("sdn_comments.csv");
    }

    @Test
    void anSdnCsvOf2024AloneIsRefusedNamingEveryCutRemarkWithAddresses() throws IOException {
        String cut = cutWithAddresses("sdn-2024-05-02.csv");
        assertThat(cut)
                .as("among them the 9 whose last address id is cut, Tornado Cash's 39796 too")
                .contains("29703, 30518", "33151, 33854, 36216, 37070, 39585, 39593, 39796");
        assertThatThrownBy(() -> {
                    try (InputStream sdn = open("sdn-2024-05-02.csv")) {
                        SdnCsvReader.read(sdn, null, null, null);
                    }
                })
                .isInstanceOf(ListFileRejected.class)
                .hasMessageContaining("entries " + cut + " at 1000 characters");
    }

    @Test
    void anSdnCsvOf2024AcceptedWithoutCommentsKeepsEveryWholeAddressAndNoPiece() throws IOException {
        ParsedList list;
        try (InputStream sdn = open("sdn-2024-05-02.csv")) {
            list = SdnCsvReader.read(sdn, null, null, null, SdnCsvReader.CutRemarks.ACCEPT);
        }

        assertThat(String.join(", ", list.incompleteEntries())).isEqualTo(cutWithAddresses("sdn-2024-05-02.csv"));
        assertThat(list.entries())
                .hasSize((int) records("sdn-2024-05-02.csv").count())
                .hasSize(14_973);
        List<String> pieces = piecesAtTheCut("sdn-2024-05-02.csv");
        assertThat(pieces)
                .containsExactlyInAnyOrder(
                        "1Gq", "1B64QRxf", "3", "1B11Ezqg3AXj", "3F6bbvS1krsc1qR8FsbTDfYQyvkMm", "1N6XqS");
        // a label the cut leaves without any id (39593 ends "... Address - XBT ") names no address
        Pattern labelledId = Pattern.compile("Digital Currency Address - [A-Za-z0-9]+ [^\\s;]");
        long labelled = records("sdn-2024-05-02.csv")
                .mapToLong(
                        fields -> labelledId.matcher(fields.get(11)).results().count())
                .sum();
        List<WalletAddress> kept = list.entries().stream()
                .flatMap(entry -> entry.addresses().stream())
                .toList();
        assertThat(kept).hasSize((int) (labelled - pieces.size())).hasSize(288);
        assertThat(kept).extracting(WalletAddress::address).doesNotContainAnyElementsOf(pieces);

        Map<String, Set<String>> published = addressesOfTheAdvancedFile();
        assertThat(kept)
                .allSatisfy(address -> assertThat(published.getOrDefault(address.currency(), Set.of()))
                        .as("%s in OFAC's advanced file of the same day", address)
                        .contains(address.address()));
        assertThat(kept.stream().map(WalletAddress::address).distinct().count()).isEqualTo(280);
    }

    @Test
    void theAdvancedFormOfThatDayDesignatesEveryAddressItNamesAndNoPiece() throws IOException {
        ParsedList csv;
        try (InputStream sdn = open("sdn-2024-05-02.csv")) {
            csv = SdnCsvReader.read(sdn, null, null, null, SdnCsvReader.CutRemarks.ACCEPT);
        }
        Map<String, Set<String>> published = addressesOfTheAdvancedFile();
        Set<WalletAddress> inCsv = csv.entries().stream()
                .flatMap(entry -> entry.addresses().stream())
                .collect(Collectors.toSet());
        List<WalletAddress> lostPastTheCut = published.entrySet().stream()
                .flatMap(currency ->
                        currency.getValue().stream().map(address -> new WalletAddress(currency.getKey(), address)))
                .filter(address -> !inCsv.contains(address))
                .sorted(java.util.Comparator.comparing(WalletAddress::currency).thenComparing(WalletAddress::address))
                .toList();
        Map<String, List<WalletAddress>> extra = new java.util.HashMap<>();
        for (int i = 0; i < lostPastTheCut.size(); i++) {
            String uid = csv.incompleteEntries().get(i % csv.incompleteEntries().size());
            extra.computeIfAbsent(uid, any -> new java.util.ArrayList<>()).add(lostPastTheCut.get(i));
        }
        String xml = AdvancedFormOfRealPublication.write(
                csv.entries(), extra, List.copyOf(new java.util.TreeSet<>(published.keySet())));

        ParsedList advanced = OfacXml.read(
                new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "SDN_ADVANCED.XML");

        assertThat(advanced.format()).isEqualTo("SDN_ADVANCED_XML");
        assertThat(advanced.entries())
                .extracting(SanctionsEntry::uid)
                .isEqualTo(csv.entries().stream().map(SanctionsEntry::uid).toList());
        assertThat(advanced.entries())
                .extracting(SanctionsEntry::name)
                .isEqualTo(csv.entries().stream().map(SanctionsEntry::name).toList());
        Set<WalletAddress> designated = advanced.entries().stream()
                .flatMap(entry -> entry.addresses().stream())
                .collect(Collectors.toSet());
        long publishedPairs = published.values().stream().mapToLong(Set::size).sum();
        assertThat(designated).hasSize((int) publishedPairs);
        assertThat(designated.stream().map(WalletAddress::address).distinct().count())
                .isEqualTo(586);
        assertThat(designated)
                .extracting(WalletAddress::address)
                .doesNotContainAnyElementsOf(piecesAtTheCut("sdn-2024-05-02.csv"));
        assertThat(entry(advanced, "39796").addresses())
                .as("Tornado Cash keeps its whole addresses")
                .isNotEmpty();
    }

    /** The digital-currency addresses OFAC's SDN_ADVANCED.XML of 2024-05-02 named, by currency (a third party's extraction). */
    private static Map<String, Set<String>> addressesOfTheAdvancedFile() throws IOException {
        Map<String, Set<String>> byCurrency = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(data.resolve("sdn-advanced-addresses-2024-05-02"))) {
            for (Path file : files.toList()) {
                String currency = file.getFileName()
                        .toString()
                        .replace("sanctioned_addresses_", "")
                        .replace(".txt", "");
                byCurrency.put(
                        currency,
                        Files.readAllLines(file).stream()
                                .map(String::strip)
                                .filter(line -> !line.isEmpty())
                                .collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
            }
        }
        return byCurrency;
    }

    /** What sdn.csv keeps of an address id its 1,000-character cut goes through, read without Holdfast's reader. */
    private static List<String> piecesAtTheCut(String sdnFile) throws IOException {
        Pattern lastId = Pattern.compile("Digital Currency Address - [A-Za-z0-9]+[\\s:]+([^\\s;]+)$");
        return records(sdnFile)
                .filter(fields -> fields.get(11).length() >= 1000)
                .map(fields -> lastId.matcher(fields.get(11)))
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1))
                .toList();
    }

    /** The entries whose remarks sdn.csv cut at 1,000 characters after naming an address, read without Holdfast's reader. */
    private static String cutWithAddresses(String sdnFile) throws IOException {
        return records(sdnFile)
                .filter(fields ->
                        fields.get(11).length() >= 1000 && fields.get(11).contains("Digital Currency Addr"))
                .map(fields -> fields.get(0))
                .collect(Collectors.joining(", "));
    }

    private static SanctionsEntry entry(ParsedList list, String uid) {
        return list.entries().stream()
                .filter(entry -> entry.uid().equals(uid))
                .findFirst()
                .orElseThrow();
    }

    /** Each entry's remarks, with the continuation sdn_comments.csv holds, read without Holdfast's reader. */
    private static Map<String, String> wholeRemarks(String sdnFile, String commentsFile) throws IOException {
        Map<String, String> remarks = records(sdnFile)
                .collect(Collectors.toMap(
                        fields -> fields.get(0), fields -> fields.get(11), (a, b) -> a, java.util.LinkedHashMap::new));
        records(commentsFile).forEach(fields -> remarks.merge(fields.get(0), fields.get(1), String::concat));
        return remarks;
    }

    private static final Pattern FIELD = Pattern.compile("\"((?:[^\"]|\"\")*)\"|([^,]*)");

    /** OFAC's CSV: one record a line, fields comma-separated, quoted where they hold commas. */
    private static Stream<List<String>> records(String file) throws IOException {
        return Files.readAllLines(data.resolve(file), StandardCharsets.ISO_8859_1).stream()
                .filter(line -> !line.isBlank() && !line.strip().equals("\u001a"))
                .map(line -> {
                    List<String> fields = new java.util.ArrayList<>();
                    Matcher field = FIELD.matcher(line);
                    int at = 0;
                    while (at <= line.length() && field.find(at)) {
                        fields.add(field.group(1) != null ? field.group(1).replace("\"\"", "\"") : field.group(2));
                        at = field.end() + 1;
                    }
                    return fields;
                });
    }
}

package io.holdfast.command.sanctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.holdfast.command.sanctions.ofac.OfacData;
import io.holdfast.command.sanctions.ofac.OfacFiles;
import io.holdfast.command.sanctions.ofac.ParsedList;
import io.holdfast.command.sanctions.ofac.SdnCsvReader;
import io.holdfast.command.sanctions.ofac.SdnXmlReader;
import io.holdfast.kernel.InvalidValueException;
import io.holdfast.kernel.sanctions.SanctionsListId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** OFAC's classic forms told apart by what they hold: the consolidated files are never the SDN list. */
class OfacListNamesTest {

    /** Two rows as OFAC's cons_prim.csv writes them: the NS-PLC list and the sectoral (SSI) list. */
    static final String CONS_PRIM = """
            9702,"SALAMEH, Salem",individual,"NS-PLC",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"HAMAS - Der al-Balah."
            17254,"AK TRANSNEFT OAO","-0- ","SSI",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"For more information on directives."
            """;

    /** A row of sdn.csv naming a non-SDN program beside an SDN one, as OFAC's real sdn.csv does (uid 9659). */
    static final String SDN_WITH_NS_PLC = """
            9659,"HAMMAD, Fathi Ahmad Mohammad",individual,"SDGT] [NS-PLC",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0-\s
            """;

    private static ParsedList csv(String text) {
        return SdnCsvReader.read(OfacFiles.stream(text), null, null);
    }

    @Test
    void aFileOfEntriesDesignatedOnlyUnderNonSdnProgramsIsTheConsolidatedList() {
        assertThat(OfacListNames.listFor(null, csv(CONS_PRIM), "upload.csv")).isEqualTo(OfacListNames.CONSOLIDATED);
        assertThat(OfacListNames.listFor("OFAC-CONSOLIDATED", csv(CONS_PRIM), "cons_prim.csv"))
                .isEqualTo(OfacListNames.CONSOLIDATED);
    }

    @Test
    void theConsolidatedListUploadedAsTheSdnListIsRefusedNamingList() {
        assertThatThrownBy(() -> OfacListNames.listFor("OFAC-SDN", csv(CONS_PRIM), "sdn.csv"))
                .isInstanceOfSatisfying(InvalidValueException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("list");
                    assertThat(refused.rule())
                            .isEqualTo("is OFAC-SDN but the file is OFAC's consolidated non-SDN list (with entries"
                                    + " designated only under non-SDN programs, such as 17254, 9702); import it as"
                                    + " OFAC-CONSOLIDATED");
                });
    }

    @Test
    void aFileNamedAsOfacNamesItsConsolidatedFilesIsTheConsolidatedList() {
        ParsedList sdnLooking = csv(SDN_WITH_NS_PLC);
        assertThat(OfacListNames.listFor(null, sdnLooking, "cons_prim.csv")).isEqualTo(OfacListNames.CONSOLIDATED);
        assertThat(OfacListNames.listFor(null, sdnLooking, "/tmp/CONSOLIDATED.XML"))
                .isEqualTo(OfacListNames.CONSOLIDATED);
        assertThatThrownBy(() -> OfacListNames.listFor("OFAC-SDN", sdnLooking, "cons_prim.csv"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        refused -> assertThat(refused.field()).isEqualTo("list"));
    }

    @Test
    void anSdnEntryOnANonSdnListTooKeepsTheFileOnTheSdnList() {
        assertThat(OfacListNames.listFor(null, csv(SDN_WITH_NS_PLC), "sdn.csv")).isEqualTo(SanctionsListId.OFAC_SDN);
    }

    @Test
    void theClassicSdnXmlUploadedAsTheConsolidatedListIsRefusedNamingList() {
        ParsedList sdnXml = SdnXmlReader.read(OfacFiles.stream(OfacFiles.bytes(OfacFiles.XML_V1)), OfacFiles.XML_V1);
        assertThat(OfacListNames.listFor(null, sdnXml, "sdn.xml")).isEqualTo(SanctionsListId.OFAC_SDN);
        assertThatThrownBy(() -> OfacListNames.listFor("OFAC-CONSOLIDATED", sdnXml, "sdn.xml"))
                .isInstanceOfSatisfying(InvalidValueException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("list");
                    assertThat(refused.rule())
                            .isEqualTo("is OFAC-CONSOLIDATED but the file is OFAC's SDN list; import it as OFAC-SDN");
                });
    }

    @Test
    void listsOfYourOwnTakeAnyFile() {
        assertThat(OfacListNames.listFor("IN-HOUSE", csv(CONS_PRIM), "cons_prim.csv"))
                .isEqualTo(new SanctionsListId("IN-HOUSE"));
    }

    @Test
    void everyRealSdnCsvIsTheSdnList() throws IOException {
        Path data = OfacData.folder();
        assumeTrue(data != null, OfacData.WHERE_TO_PUT_THEM);
        for (String file : new String[] {"sdn-2024-05-01.csv", "sdn-2024-05-02.csv", "sdn-2024-05-03.csv"}) {
            try (InputStream sdn = Files.newInputStream(data.resolve(file))) {
                ParsedList list = SdnCsvReader.read(sdn, null, null, null, SdnCsvReader.CutRemarks.ACCEPT);
                assertThat(OfacListNames.listFor(null, list, "sdn.csv"))
                        .as(file)
                        .isEqualTo(SanctionsListId.OFAC_SDN);
                assertThat(OfacListNames.listFor("OFAC-SDN", list, "sdn.csv")).isEqualTo(SanctionsListId.OFAC_SDN);
            }
        }
        Path set = data.resolve("csv-set-2021-07-07");
        try (InputStream sdn = Files.newInputStream(set.resolve("sdn.csv"));
                InputStream alt = Files.newInputStream(set.resolve("alt.csv"));
                InputStream add = Files.newInputStream(set.resolve("add.csv"));
                InputStream comments = Files.newInputStream(set.resolve("sdn_comments.csv"))) {
            ParsedList list = SdnCsvReader.read(sdn, alt, add, comments);
            assertThat(OfacListNames.listFor(null, list, "sdn.csv")).isEqualTo(SanctionsListId.OFAC_SDN);
        }
    }
}

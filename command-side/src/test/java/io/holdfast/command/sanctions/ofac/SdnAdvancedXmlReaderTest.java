package io.holdfast.command.sanctions.ofac;

import static io.holdfast.command.sanctions.ofac.OfacFiles.ADVANCED_V1;
import static io.holdfast.command.sanctions.ofac.OfacFiles.XML_V1;
import static io.holdfast.command.sanctions.ofac.OfacFiles.stream;
import static io.holdfast.command.sanctions.ofac.OfacFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.kernel.sanctions.SanctionsEntry;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** OFAC's advanced XML form, read as a stream into the same entries the classic form gives. */
class SdnAdvancedXmlReaderTest {

    private static ParsedList read(String xml) {
        return OfacXml.read(stream(xml), "SDN_ADVANCED.XML");
    }

    @Test
    void theSameListInTheAdvancedFormGivesTheSameEntriesAsTheClassicForm() {
        ParsedList advanced = read(text(ADVANCED_V1));
        ParsedList classic = read(text(XML_V1));

        assertThat(advanced.format()).isEqualTo("SDN_ADVANCED_XML");
        assertThat(classic.format()).isEqualTo("SDN_XML");
        assertThat(advanced.publicationDate())
                .isEqualTo(LocalDate.of(2026, 11, 18))
                .isEqualTo(classic.publicationDate());
        assertThat(advanced.ofacLists()).containsExactly("SDN List");
        assertThat(advanced.entries()).isEqualTo(classic.entries());
    }

    @Test
    void aPersonsNameIsWrittenLastNameFirstAndOnlyItsLatinFormIsKept() {
        SanctionsEntry park = read(text(ADVANCED_V1)).entries().get(1);

        assertThat(park.name()).isEqualTo("PARK, Jin Hyok");
        assertThat(park.entryType()).isEqualTo("Individual");
        assertThat(park.aliases()).containsExactly("PAK, Jin Hek");
    }

    @Test
    void onlyProgramMeasuresAreProgramsAndOnlyDigitalCurrencyFeaturesAreAddresses() {
        SanctionsEntry lazarus = read(text(ADVANCED_V1)).entries().get(0);

        assertThat(lazarus.programs()).containsExactly("DPRK3", "CYBER2");
        assertThat(lazarus.addresses()).hasSize(2);
    }

    @Test
    void theConsolidatedListNamesItsOwnLists() {
        String consolidated = text(ADVANCED_V1).replace("ListID=\"1550\"", "ListID=\"91507\"");

        assertThat(read(consolidated).ofacLists()).containsExactly("Sectoral Sanctions Identifications List");
    }

    @Test
    void anEntryForAPartyTheFileDoesNotHoldIsRefused() {
        String xml = text(ADVANCED_V1).replace("ProfileID=\"40001\"", "ProfileID=\"40002\"");

        assertThatThrownBy(() -> read(xml))
                .isInstanceOf(ListFileRejected.class)
                .hasMessageContaining("<SanctionsEntry> names profile 40002, which no <DistinctParty> holds");
    }

    @Test
    void anInvalidAddressIsRefusedNamingItsParty() {
        String xml = text(ADVANCED_V1).replace("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "1A1z P1eP");
        int line = SdnXmlReaderTest.lineOf(xml, "<DistinctParty FixedRef=\"36217\">");

        assertThatThrownBy(() -> read(xml))
                .isInstanceOf(ListFileRejected.class)
                .hasMessageStartingWith("SDN_ADVANCED.XML line " + line
                        + ", <DistinctParty>: has a digital currency address that is not valid");
    }

    @Test
    void aPartyWithoutAPrimaryNameIsRefused() {
        String xml = text(ADVANCED_V1)
                .replace("AliasTypeID=\"1403\" Primary=\"true\"", "AliasTypeID=\"1403\" Primary=\"false\"");

        assertThatThrownBy(() -> read(xml))
                .isInstanceOf(ListFileRejected.class)
                .hasMessageContaining("(FixedRef 36216) has no primary name");
    }

    @Test
    void aTruncatedFileIsRefused() {
        String xml = text(ADVANCED_V1);
        String truncated = xml.substring(0, xml.indexOf("<DistinctParty FixedRef=\"36218\">") + 20);

        assertThatThrownBy(() -> read(truncated))
                .isInstanceOf(ListFileRejected.class)
                .hasMessageMatching("SDN_ADVANCED\\.XML line \\d+: is not well-formed XML .*truncated");
    }

    @Test
    void aDocumentTypeDeclarationIsRefusedSoNoExternalEntityIsRead() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE Sanctions [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                + "<Sanctions><DistinctParties><DistinctParty FixedRef=\"1\">&secret;</DistinctParty></DistinctParties></Sanctions>";

        assertThatThrownBy(() -> read(xxe)).isInstanceOf(ListFileRejected.class).hasMessageContaining("DTD");
    }

    @Test
    void theFormIsToldByTheRootElement() {
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?>\n<consolidatedList/>"))
                .isInstanceOf(ListFileRejected.class)
                .hasMessageContaining("root element is <consolidatedList>, where OFAC's classic SDN list has <sdnList>"
                        + " and its advanced form <Sanctions>");
        assertThatThrownBy(() -> SdnAdvancedXmlReader.read(stream(text(XML_V1)), "SDN_ADVANCED.XML"))
                .isInstanceOf(ListFileRejected.class)
                .hasMessageContaining("OFAC's advanced form has <Sanctions>");
    }
}

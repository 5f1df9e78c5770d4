package io.holdfast.command.sanctions.ofac;

import static io.holdfast.command.sanctions.ofac.OfacFiles.XML_V1;
import static io.holdfast.command.sanctions.ofac.OfacFiles.bytes;
import static io.holdfast.command.sanctions.ofac.OfacFiles.stream;
import static io.holdfast.command.sanctions.ofac.OfacFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.kernel.sanctions.SanctionsEntry;
import io.holdfast.kernel.sanctions.WalletAddress;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SdnXmlReaderTest {

    private static ParsedList read(String xml) {
        return SdnXmlReader.read(stream(xml), "sdn.xml");
    }

    @Test
    void readsEveryEntryWithItsNamesProgramsAndDigitalCurrencyAddresses() {
        ParsedList list = SdnXmlReader.read(stream(bytes(XML_V1)), "sdn.xml");

        assertThat(list.format()).isEqualTo("SDN_XML");
        assertThat(list.publicationDate()).isEqualTo(LocalDate.of(2026, 11, 18));
        assertThat(list.entries()).extracting(SanctionsEntry::uid).containsExactly("36216", "36217", "36218", "40001");

        SanctionsEntry lazarus = list.entries().get(0);
        assertThat(lazarus.name()).isEqualTo("LAZARUS GROUP");
        assertThat(lazarus.entryType()).isEqualTo("Entity");
        assertThat(lazarus.programs()).containsExactly("DPRK3", "CYBER2");
        assertThat(lazarus.aliases()).containsExactly("HIDDEN COBRA", "GUARDIANS OF PEACE");
        assertThat(lazarus.addresses())
                .containsExactly(
                        new WalletAddress("XBT", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"),
                        new WalletAddress("ETH", "0x52908400098527886E0F7030069857D2E4169EE7"));

        SanctionsEntry park = list.entries().get(1);
        assertThat(park.name()).isEqualTo("PARK, Jin Hyok");
        assertThat(park.aliases()).containsExactly("PAK, Jin Hek");
        assertThat(park.addresses()).extracting(WalletAddress::currency).containsExactly("XBT", "USDT", "TRX");

        assertThat(list.entries().get(2).addresses()).isEmpty();
        assertThat(list.entries().get(3).addresses())
                .extracting(WalletAddress::currency)
                .containsExactly("XMR", "USDT");
    }

    @Test
    void aTruncatedFileIsRefusedNamingTheLine() {
        String xml = text(XML_V1);
        String truncated = xml.substring(0, xml.indexOf("<uid>36218</uid>") + 10);

        assertThatThrownBy(() -> read(truncated))
                .isInstanceOf(ListFileRejected.class)
                .hasMessageMatching("sdn\\.xml line \\d+: is not well-formed XML .*truncated");
    }

    @Test
    void aFileWhoseRecordCountDisagreesIsRefused() {
        String xml = text(XML_V1).replace("<Record_Count>4</Record_Count>", "<Record_Count>5</Record_Count>");

        assertThatThrownBy(() -> read(xml))
                .isInstanceOf(ListFileRejected.class)
                .hasMessageContaining("<Record_Count>")
                .hasMessageContaining("declares 5 entries but the file holds 4");
    }

    @Test
    void anEntryWithoutUidIsRefusedNamingItsLine() {
        String xml = text(XML_V1).replace("    <uid>36217</uid>\n", "");
        int line = lineOf(xml, "<firstName>Jin Hyok") - 1;

        assertThatThrownBy(() -> read(xml))
                .isInstanceOf(ListFileRejected.class)
                .hasMessage("sdn.xml line " + line + ", <sdnEntry>: has no <uid>");
    }

    @Test
    void anotherXmlDocumentIsNotAnSdnList() {
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?>\n<consolidatedList><entry/></consolidatedList>"))
                .isInstanceOf(ListFileRejected.class)
                .hasMessageContaining("root element is <consolidatedList>, where the classic SDN list has <sdnList>");
    }

    @Test
    void aDocumentTypeDeclarationIsRefusedSoNoExternalEntityIsRead() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE sdnList [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                + "<sdnList><sdnEntry><uid>1</uid><lastName>&secret;</lastName></sdnEntry></sdnList>";

        assertThatThrownBy(() -> read(xxe)).isInstanceOf(ListFileRejected.class);
    }

    @Test
    void aPublishDateInAnotherShapeIsRefused() {
        String xml = text(XML_V1).replace("11/18/2026", "2026-11-18");

        assertThatThrownBy(() -> read(xml))
                .isInstanceOf(ListFileRejected.class)
                .hasMessageContaining("<Publish_Date> '2026-11-18' is not a date written MM/DD/YYYY");
    }

    @Test
    void anInvalidAddressIsRefusedNamingItsEntry() {
        String xml = text(XML_V1).replace("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "1A1z P1eP");

        assertThatThrownBy(() -> read(xml))
                .isInstanceOf(ListFileRejected.class)
                .hasMessageContaining("<sdnEntry>: has a digital currency address that is not valid");
    }

    static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in the file");
    }
}

package io.holdfast.command.sanctions.ofac;

import static io.holdfast.command.sanctions.ofac.OfacFiles.CSV_ADD;
import static io.holdfast.command.sanctions.ofac.OfacFiles.CSV_ALT;
import static io.holdfast.command.sanctions.ofac.OfacFiles.CSV_SDN;
import static io.holdfast.command.sanctions.ofac.OfacFiles.XML_V1;
import static io.holdfast.command.sanctions.ofac.OfacFiles.bytes;
import static io.holdfast.command.sanctions.ofac.OfacFiles.stream;
import static io.holdfast.command.sanctions.ofac.OfacFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.kernel.sanctions.SanctionsEntry;
import io.holdfast.kernel.sanctions.WalletAddress;
import org.junit.jupiter.api.Test;

class SdnCsvReaderTest {

    @Test
    void readsTheCsvSetToTheSameEntriesAsTheXml() {
        ParsedList csv = SdnCsvReader.read(stream(bytes(CSV_SDN)), stream(bytes(CSV_ALT)), stream(bytes(CSV_ADD)));
        ParsedList xml = SdnXmlReader.read(stream(bytes(XML_V1)), "sdn.xml");

        assertThat(csv.format()).isEqualTo("SDN_CSV");
        assertThat(csv.publicationDate()).isNull();
        assertThat(csv.entries()).hasSameSizeAs(xml.entries());
        for (int i = 0; i < xml.entries().size(); i++) {
            SanctionsEntry fromCsv = csv.entries().get(i);
            SanctionsEntry fromXml = xml.entries().get(i);
            assertThat(fromCsv.uid()).isEqualTo(fromXml.uid());
            assertThat(fromCsv.name()).isEqualTo(fromXml.name());
            assertThat(fromCsv.programs()).containsExactlyInAnyOrderElementsOf(fromXml.programs());
            assertThat(fromCsv.aliases()).containsExactlyElementsOf(fromXml.aliases());
            assertThat(fromCsv.addresses()).containsExactlyElementsOf(fromXml.addresses());
        }
    }

    @Test
    void addressesComeFromTheRemarksWithTheirCurrency() {
        SanctionsEntry park =
                SdnCsvReader.read(stream(bytes(CSV_SDN)), null, null).entries().get(1);

        assertThat(park.addresses())
                .containsExactly(
                        new WalletAddress("XBT", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"),
                        new WalletAddress("USDT", "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9"),
                        new WalletAddress("TRX", "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9"));
        assertThat(park.entryType()).isEqualTo("individual");
    }

    @Test
    void aRecordWithMissingColumnsIsRefusedNamingItsLine() {
        String sdn = text(CSV_SDN)
                .replace(
                        "36218,\"CHINYONG INFORMATION TECHNOLOGY COOPERATION COMPANY\",\"-0- \",\"DPRK3\",",
                        "36218,\"CHINYONG INFORMATION TECHNOLOGY COOPERATION COMPANY\",");

        assertThatThrownBy(() -> SdnCsvReader.read(stream(sdn), null, null))
                .isInstanceOf(ListFileRejected.class)
                .hasMessageStartingWith("sdn.csv line 3: has 10 columns; an SDN record has 12 columns");
    }

    @Test
    void anAliasOfAnUnknownEntryIsRefusedNamingItsLine() {
        String alt = text(CSV_ALT).replace("36218,59040", "99999,59040");

        assertThatThrownBy(() -> SdnCsvReader.read(stream(bytes(CSV_SDN)), stream(alt), null))
                .isInstanceOf(ListFileRejected.class)
                .hasMessage("alt.csv line 4: names ent_num 99999, which sdn.csv does not hold");
    }

    @Test
    void anEntryWithoutNameIsRefusedNamingTheColumn() {
        String sdn = text(CSV_SDN).replace("\"GARANTEX EUROPE OU\"", "\"-0- \"");

        assertThatThrownBy(() -> SdnCsvReader.read(stream(sdn), null, null))
                .isInstanceOf(ListFileRejected.class)
                .hasMessage("sdn.csv line 4, column SDN_Name: is empty");
    }

    @Test
    void aRepeatedEntryIsLeftToTheListWhoseRuleRefusesItInEveryForm() {
        String sdn = text(CSV_SDN);
        String first = sdn.substring(0, sdn.indexOf("\r\n") + 2);

        assertThat(SdnCsvReader.read(stream(first + first), null, null).entries())
                .extracting(SanctionsEntry::uid)
                .containsExactly("36216", "36216");
    }

    @Test
    void aFileWithoutRecordsIsLeftToTheListWhoseRuleRefusesItInEveryForm() {
        assertThat(SdnCsvReader.read(stream("\u001a\r\n"), null, null).entries())
                .isEmpty();
    }

    @Test
    void anUnclosedQuoteIsNotValidCsv() {
        assertThatThrownBy(() -> SdnCsvReader.read(stream("36216,\"LAZARUS GROUP,-0-"), null, null))
                .isInstanceOf(ListFileRejected.class)
                .hasMessageStartingWith("sdn.csv line 1: is not valid CSV");
    }
}

package io.holdfast.command.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.command.screening.KnownAddress.AddressKind;
import io.holdfast.command.screening.KnownAddresses.Registration;
import io.holdfast.kernel.InvalidValueException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bulk registration's CSV: the optional kind may be empty or left off a row, another column may not. */
class AddressCsvTest {

    private static List<Registration> read(String csv) {
        List<Registration> read = new ArrayList<>();
        AddressCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 1000, read::addAll);
        return read;
    }

    @Test
    void rowsMayLeaveTheOptionalKindOffOrEmpty() {
        List<Registration> read = read("""
                account_id,holder_name,currency,address,kind
                ACC-1,Han Min-ji,XBT,1BoatSLRHtKNngkdXEeobR76b53LETtpyT,DEPOSIT
                ACC-2,Lee Jae-won,XBT,1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa
                ACC-3,Choi Soo-ah,ETH,0x52908400098527886E0F7030069857D2E4169EE7,
                """);

        assertThat(read).hasSize(3);
        assertThat(read.get(0).addresses()).extracting(KnownAddress::kind).containsExactly(AddressKind.DEPOSIT);
        assertThat(read.get(1).addresses()).extracting(KnownAddress::kind).containsOnlyNulls();
        assertThat(read.get(2).addresses()).extracting(KnownAddress::kind).containsOnlyNulls();
    }

    @Test
    void aRowMissingARequiredColumnIsRefusedNamingItsLine() {
        assertThatThrownBy(() -> read("""
                account_id,holder_name,currency,address,kind
                ACC-1,Han Min-ji,XBT
                """))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("addresses.csv line 2")
                .hasMessageContaining("has 3 columns; the header has 5");
    }
}

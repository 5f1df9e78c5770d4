package io.holdfast.kernel.sanctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.kernel.InvalidValueException;
import org.junit.jupiter.api.Test;

class AddressKeysTest {

    private static final String SEGWIT = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";
    private static final String TAPROOT = "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0";
    private static final String GENESIS = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa";
    private static final String EIP55 = "0x52908400098527886E0F7030069857D2E4169EE7";

    @Test
    void bech32IsComparedWithoutCase() {
        assertThat(new WalletAddress("XBT", SEGWIT.toUpperCase()).key()).isEqualTo(SEGWIT);
        assertThat(new WalletAddress("XBT", SEGWIT).key()).isEqualTo(SEGWIT);
    }

    @Test
    void bech32mIsComparedWithoutCase() {
        assertThat(AddressKeys.keyOf(TAPROOT.toUpperCase())).isEqualTo(TAPROOT);
    }

    @Test
    void bech32InMixedCaseIsNotBech32AndIsComparedExactly() {
        String mixed = "bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";
        assertThat(AddressKeys.keyOf(mixed)).isEqualTo(mixed);
    }

    @Test
    void aBech32LookalikeWithABrokenChecksumIsComparedExactly() {
        String broken = "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T5";
        assertThat(AddressKeys.keyOf(broken)).isEqualTo(broken);
    }

    @Test
    void base58KeepsItsCaseBecauseCaseIsPartOfTheAddress() {
        assertThat(AddressKeys.keyOf(GENESIS)).isEqualTo(GENESIS);
        assertThat(AddressKeys.keyOf(GENESIS.toLowerCase())).isNotEqualTo(AddressKeys.keyOf(GENESIS));
        String tron = "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9";
        assertThat(AddressKeys.keyOf(tron)).isEqualTo(tron);
    }

    @Test
    void ethereumStyleHexIsComparedWithoutCase() {
        assertThat(AddressKeys.keyOf(EIP55)).isEqualTo(EIP55.toLowerCase());
        assertThat(AddressKeys.keyOf(EIP55.toLowerCase())).isEqualTo(AddressKeys.keyOf(EIP55));
        assertThat(AddressKeys.keyOf("0X52908400098527886E0F7030069857D2E4169EE7"))
                .isEqualTo(EIP55.toLowerCase());
    }

    @Test
    void hexOfTheWrongLengthIsNotEthereumStyle() {
        String shortHex = "0xABCDEF";
        assertThat(AddressKeys.keyOf(shortHex)).isEqualTo(shortHex);
    }

    @Test
    void surroundingSpaceIsNotPartOfAnAddress() {
        assertThat(new WalletAddress(" xbt ", "  " + GENESIS + " ").address()).isEqualTo(GENESIS);
        assertThat(new WalletAddress(" xbt ", GENESIS).currency()).isEqualTo("XBT");
    }

    @Test
    void anAddressIsOneWordAndACurrencyACode() {
        assertThatThrownBy(() -> new WalletAddress("XBT", "1A1z P1eP"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("address");
        assertThatThrownBy(() -> new WalletAddress("Bitcoin Cash!", GENESIS))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("currency");
        assertThatThrownBy(() -> new WalletAddress("XBT", " "))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("address");
    }
}

package io.holdfast.kernel.sanctions;

import io.holdfast.kernel.InvalidValueException;
import io.holdfast.kernel.Require;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A digital-currency address on a chain, named by the currency code OFAC uses ({@code XBT},
 * {@code ETH}, {@code USDT}, {@code TRX}, {@code XMR}, ...). Two addresses are the same when their
 * {@link #key() keys} are equal: see {@link AddressKeys} for each chain's rule.
 */
public record WalletAddress(String currency, String address) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z0-9]{2,12}");

    public WalletAddress {
        Require.present("currency", currency);
        currency = currency.strip().toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            throw new InvalidValueException(
                    "currency", "must be a currency code of 2 to 12 letters or digits, such as XBT or ETH");
        }
        address = checkedAddress(address);
    }

    /** An address as written, without surrounding space; refused when it is not one word. */
    public static String checkedAddress(String address) {
        Require.text("address", address, 200);
        String stripped = address.strip();
        if (stripped.isEmpty() || stripped.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidValueException("address", "must be one address without spaces");
        }
        return stripped;
    }

    /** The form in which this address is compared with others (stored and looked up as is). */
    public String key() {
        return AddressKeys.keyOf(address);
    }
}

package io.holdfast.command.sanctions.ofac;

import java.util.Locale;
import java.util.Optional;

/** OFAC names a wallet address as an id of type {@code Digital Currency Address - XBT} (or ETH, USDT, ...). */
final class DigitalCurrencyIds {

    static final String PREFIX = "Digital Currency Address - ";

    private DigitalCurrencyIds() {}

    /** The currency code of an id type that names a digital-currency address. */
    static Optional<String> currencyOf(String idType) {
        if (idType == null) {
            return Optional.empty();
        }
        String type = idType.strip();
        if (!type.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        return Optional.of(type.substring(PREFIX.length()).strip().toUpperCase(Locale.ROOT));
    }
}

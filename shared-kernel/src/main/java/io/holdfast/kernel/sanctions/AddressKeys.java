package io.holdfast.kernel.sanctions;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How addresses are compared, chain by chain. Only the case of an address may differ between two
 * writings of it, and only where its chain ignores case:
 * <ul>
 *   <li>Ethereum-style hex ({@code 0x} and 40 hex digits: ETH, USDT/USDC on ERC-20, BSC, ...) is
 *       case-insensitive; upper and lower case are only EIP-55's checksum, so it is lower-cased.</li>
 *   <li>Bech32 and bech32m (Bitcoin {@code bc1...}, Litecoin {@code ltc1...}, Zcash {@code zs1...},
 *       ...) are case-insensitive but must not mix case; an address whose bech32 checksum holds is
 *       lower-cased. The checksum is what decides, so a base58 address is never mistaken for one.</li>
 *   <li>Everything else (base58: Bitcoin {@code 1...}/{@code 3...}, Tron {@code T...}, Monero,
 *       and any format not named here) is compared exactly: in base58 case is part of the value.</li>
 * </ul>
 */
public final class AddressKeys {

    private static final Pattern ETHEREUM_STYLE = Pattern.compile("0[xX][0-9a-fA-F]{40}");
    private static final String BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int BECH32_CONSTANT = 1;
    private static final int BECH32M_CONSTANT = 0x2bc830a3;

    private AddressKeys() {}

    public static String keyOf(String address) {
        String trimmed = address.strip();
        if (ETHEREUM_STYLE.matcher(trimmed).matches()) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
        if (isBech32(trimmed)) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
        return trimmed;
    }

    /** True for a bech32 or bech32m string (BIP 173 / BIP 350) whose checksum holds, in one case. */
    static boolean isBech32(String value) {
        if (value.length() < 8 || value.length() > 120) {
            return false;
        }
        boolean lower = !value.equals(value.toUpperCase(Locale.ROOT));
        boolean upper = !value.equals(value.toLowerCase(Locale.ROOT));
        if (lower && upper) {
            return false;
        }
        String text = value.toLowerCase(Locale.ROOT);
        int separator = text.lastIndexOf('1');
        if (separator < 1 || separator + 7 > text.length()) {
            return false;
        }
        String humanReadable = text.substring(0, separator);
        for (int i = 0; i < humanReadable.length(); i++) {
            char c = humanReadable.charAt(i);
            if (c < 33 || c > 126) {
                return false;
            }
        }
        int[] data = new int[text.length() - separator - 1];
        for (int i = 0; i < data.length; i++) {
            int digit = BECH32_CHARSET.indexOf(text.charAt(separator + 1 + i));
            if (digit < 0) {
                return false;
            }
            data[i] = digit;
        }
        int checksum = polymod(expand(humanReadable), data);
        return checksum == BECH32_CONSTANT || checksum == BECH32M_CONSTANT;
    }

    private static int[] expand(String humanReadable) {
        int length = humanReadable.length();
        int[] expanded = new int[length * 2 + 1];
        for (int i = 0; i < length; i++) {
            expanded[i] = humanReadable.charAt(i) >> 5;
            expanded[i + length + 1] = humanReadable.charAt(i) & 31;
        }
        return expanded;
    }

    private static int polymod(int[] prefix, int[] data) {
        int[] generator = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int checksum = 1;
        for (int[] part : new int[][] {prefix, data}) {
            for (int value : part) {
                int top = checksum >>> 25;
                checksum = ((checksum & 0x1ffffff) << 5) ^ value;
                for (int i = 0; i < 5; i++) {
                    if (((top >>> i) & 1) == 1) {
                        checksum ^= generator[i];
                    }
                }
            }
        }
        return checksum;
    }
}

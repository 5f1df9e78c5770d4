package io.holdfast.benchmarks;

import java.util.Random;

/** Words, sentences and wallet addresses of the shapes real lists hold, from a seeded generator. */
final class GeneratedText {

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String HEX = "0123456789abcdef";

    private final Random random;

    GeneratedText(Random random) {
        this.random = random;
    }

    String word(int length) {
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    String sentence(int words) {
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sentence.append(i == 0 ? "" : " ").append(word(3 + random.nextInt(6)));
        }
        return sentence.toString();
    }

    static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** A Bitcoin-style base58 address (not a valid checksum: only its shape matters here). */
    String base58() {
        StringBuilder address = new StringBuilder("1");
        for (int i = 0; i < 33; i++) {
            address.append(BASE58.charAt(random.nextInt(BASE58.length())));
        }
        return address.toString();
    }

    /** An Ethereum-style address, in lower case or, with {@code mixedCase}, in mixed case like EIP-55's. */
    String ethereum(boolean mixedCase) {
        StringBuilder address = new StringBuilder("0x");
        for (int i = 0; i < 40; i++) {
            char c = HEX.charAt(random.nextInt(16));
            address.append(mixedCase && random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return address.toString();
    }
}

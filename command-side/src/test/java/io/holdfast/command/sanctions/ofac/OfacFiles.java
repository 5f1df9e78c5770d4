package io.holdfast.command.sanctions.ofac;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The small list files in OFAC's formats under {@code src/test/resources/ofac}. */
public final class OfacFiles {

    public static final String XML_V1 = "sdn-2026-11-18.xml";
    public static final String XML_V2 = "sdn-2026-11-20.xml";
    /** The list of {@link #XML_V1} in OFAC's advanced form. */
    public static final String ADVANCED_V1 = "sdn-advanced-2026-11-18.xml";

    public static final String CSV_SDN = "sdn-2026-11-18.csv";
    public static final String CSV_ALT = "alt-2026-11-18.csv";
    public static final String CSV_ADD = "add-2026-11-18.csv";

    private OfacFiles() {}

    public static byte[] bytes(String name) {
        try (InputStream in = OfacFiles.class.getResourceAsStream("/ofac/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test file " + name);
            }
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    public static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    public static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}

package io.holdfast.app.http;

import io.holdfast.ledger.LedgerKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The ledger's signing key for tests of deployments that must be given one (every profile but the embedded default). */
public final class TestLedgerKey {

    private static final Path FILE = write();

    private TestLedgerKey() {}

    public static String location() {
        return FILE.toString();
    }

    /** The argument that gives it to a Holdfast started from the command line. */
    public static String argument() {
        return "--holdfast.ledger.signing-key=" + location();
    }

    private static Path write() {
        try {
            Path file = Files.createTempFile("holdfast-ledger-key", ".pem");
            LedgerKey.generate("holdfast").writePrivate(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

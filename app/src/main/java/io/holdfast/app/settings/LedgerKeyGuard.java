package io.holdfast.app.settings;

import io.holdfast.ledger.LedgerKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks the ledger's signing key before anything opens a store: outside the embedded default it
 * must be given, and wherever it is given it must be a readable Ed25519 key. Whether it is the key
 * the ledger's checkpoints were signed with needs the store, and is checked once it is open.
 */
public class LedgerKeyGuard implements EnvironmentPostProcessor {

    static final String SIGNING_KEY = "holdfast.ledger.signing-key";
    static final String VARIABLE = "HOLDFAST_LEDGER_SIGNINGKEY";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        readableKey(
                environment.getProperty("holdfast.ledger.previous-signing-key", ""),
                "HOLDFAST_LEDGER_PREVIOUSSIGNINGKEY");
        String given = environment.getProperty(SIGNING_KEY, "");
        if (given.isBlank()) {
            if (environment.getActiveProfiles().length > 0) {
                throw new SettingRefused(
                        VARIABLE,
                        "Holdfast signs its ledger's checkpoints with an Ed25519 key it needs to be given outside"
                                + " the embedded default: set it to a PKCS#8 PEM file (openssl genpkey -algorithm"
                                + " ed25519 -out ledger-key.pem), the same on every node");
            }
            return;
        }
        readableKey(given, VARIABLE);
    }

    private static void readableKey(String given, String variable) {
        if (given.isBlank()) {
            return;
        }
        Path file = Path.of(given).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new SettingRefused(variable, "names " + file + ", which is not a file Holdfast can read");
        }
        try {
            LedgerKey.readPrivate("holdfast", file);
        } catch (IOException | RuntimeException notAKey) {
            throw new SettingRefused(
                    variable,
                    "names " + file + ", which is not an Ed25519 private key in PKCS#8 PEM form (openssl genpkey"
                            + " -algorithm ed25519 writes one)");
        }
    }
}

package io.holdfast.query.ledger;

import io.holdfast.ledger.LedgerKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * The key checkpoints are signed with: the file {@code holdfast.ledger.signing-key}. On the
 * embedded default (no profile) without one, a key is made under the data folder on the first
 * start and kept there; any other deployment refuses to start without one, since a key made on one
 * node and lost with it would leave checkpoints nobody can check.
 */
final class LedgerSigningKey {

    private static final Logger log = LoggerFactory.getLogger(LedgerSigningKey.class);

    static final String FILE_NAME = "ledger-signing-key.pem";

    private LedgerSigningKey() {}

    static LedgerKey load(LedgerSettings settings, Environment environment) {
        try {
            Path file = settings.signingKey();
            if (file == null) {
                if (environment.getActiveProfiles().length > 0) {
                    throw new MissingSigningKey();
                }
                file = Path.of(environment.getProperty("holdfast.data-dir", "./data"))
                        .resolve(FILE_NAME)
                        .toAbsolutePath()
                        .normalize();
                if (!Files.exists(file)) {
                    Files.createDirectories(file.getParent());
                    LedgerKey.generate(settings.effectiveKeyName()).writePrivate(file);
                    log.info("made the ledger's signing key {}; keep a copy of it with the backups", file);
                }
            }
            LedgerKey key = LedgerKey.readPrivate(settings.effectiveKeyName(), file);
            log.info("ledger checkpoints are signed by {} (verifier key {})", file, key.verifierKey());
            return key;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("the ledger's signing key cannot be read", unreadable);
        }
    }

    /** A deployment other than the embedded default started without a signing key. */
    static final class MissingSigningKey extends IllegalStateException {
        MissingSigningKey() {
            super("Holdfast signs its ledger's checkpoints with an Ed25519 key it needs to be given: set "
                    + "HOLDFAST_LEDGER_SIGNINGKEY to a PKCS#8 PEM file (openssl genpkey -algorithm ed25519 -out "
                    + "ledger-key.pem), the same on every node");
        }
    }
}

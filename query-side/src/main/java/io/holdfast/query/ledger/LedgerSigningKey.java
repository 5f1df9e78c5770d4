package io.holdfast.query.ledger;

import io.holdfast.ledger.Checkpoint;
import io.holdfast.ledger.LedgerKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * The key checkpoints are signed with: the file {@code holdfast.ledger.signing-key}. On the
 * embedded default (no profile) without one, a key is made under the data folder on the first
 * start and kept there; any other deployment refuses to start without one, since a key made on one
 * node and lost with it would leave checkpoints nobody can check. A key is never made for a ledger
 * that already has checkpoints (a store restored without its key, say), and Holdfast does not start
 * with a key other than the one its latest checkpoint was signed with: every later checkpoint would
 * be signed by a key no auditor holds.
 */
final class LedgerSigningKey {

    private static final Logger log = LoggerFactory.getLogger(LedgerSigningKey.class);

    static final String FILE_NAME = "ledger-signing-key.pem";
    static final String SETTING = "HOLDFAST_LEDGER_SIGNINGKEY";

    private LedgerSigningKey() {}

    static LedgerKey load(LedgerSettings settings, Environment environment, LedgerStore store) {
        try {
            Path file = settings.signingKey();
            Optional<LedgerStore.StoredCheckpoint> latest = store.latestCheckpoint();
            if (file == null) {
                if (environment.getActiveProfiles().length > 0) {
                    throw new MissingSigningKey();
                }
                file = Path.of(environment.getProperty("holdfast.data-dir", "./data"))
                        .resolve(FILE_NAME)
                        .toAbsolutePath()
                        .normalize();
                if (!Files.exists(file)) {
                    if (latest.isPresent()) {
                        throw new SigningKeyOfCheckpointsMissing(file, latest.get());
                    }
                    Files.createDirectories(file.getParent());
                    LedgerKey.generate(settings.effectiveKeyName()).writePrivate(file);
                    log.info("made the ledger's signing key {}; keep a copy of it with the backups", file);
                }
            }
            LedgerKey key = LedgerKey.readPrivate(settings.effectiveKeyName(), file);
            if (latest.isPresent() && !Checkpoint.signerIds(latest.get().note()).contains(key.signerId())) {
                throw new OtherSigningKey(file, key, latest.get());
            }
            log.info("ledger checkpoints are signed by {} (verifier key {})", file, key.verifierKey());
            return key;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("the ledger's signing key cannot be read", unreadable);
        }
    }

    private static String signers(LedgerStore.StoredCheckpoint checkpoint) {
        List<String> ids = Checkpoint.signerIds(checkpoint.note());
        return ids.isEmpty() ? "no key Holdfast can name" : String.join(" and ", ids);
    }

    /** A deployment other than the embedded default started without a signing key. */
    static final class MissingSigningKey extends IllegalStateException {
        MissingSigningKey() {
            super("Holdfast signs its ledger's checkpoints with an Ed25519 key it needs to be given: set "
                    + SETTING + " to a PKCS#8 PEM file (openssl genpkey -algorithm ed25519 -out "
                    + "ledger-key.pem), the same on every node");
        }
    }

    /** The embedded default found checkpoints but not the key that signed them. */
    static final class SigningKeyOfCheckpointsMissing extends IllegalStateException {
        SigningKeyOfCheckpointsMissing(Path expected, LedgerStore.StoredCheckpoint latest) {
            super("the ledger has checkpoints (the latest at tree size " + latest.treeSize() + ", signed by "
                    + signers(latest) + ") but its signing key is not at " + expected
                    + "; Holdfast does not make a new key for a ledger that has checkpoints. Put that key's file"
                    + " there, or name it with " + SETTING);
        }
    }

    /** The key given is not the one the latest checkpoint was signed with. */
    static final class OtherSigningKey extends IllegalStateException {
        OtherSigningKey(Path file, LedgerKey key, LedgerStore.StoredCheckpoint latest) {
            super(SETTING + " (" + file + ") is the key " + key.signerId()
                    + ", but the ledger's latest checkpoint (tree size " + latest.treeSize() + ") is signed by "
                    + signers(latest) + "; give Holdfast the key its checkpoints were signed with");
        }
    }
}

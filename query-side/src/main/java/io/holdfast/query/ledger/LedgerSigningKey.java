package io.holdfast.query.ledger;

import io.holdfast.ledger.Checkpoint;
import io.holdfast.ledger.LedgerKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * with a key other than the one its latest checkpoint was signed with (every later checkpoint would
 * be signed by a key no auditor holds) unless told to rotate to it: then a checkpoint naming the new
 * key, signed by the old one, hands the ledger over, and the keys are recorded in order.
 */
final class LedgerSigningKey {

    private static final Logger log = LoggerFactory.getLogger(LedgerSigningKey.class);

    static final String FILE_NAME = "ledger-signing-key.pem";
    static final String SETTING = "HOLDFAST_LEDGER_SIGNINGKEY";
    static final String PREVIOUS_SETTING = "HOLDFAST_LEDGER_PREVIOUSSIGNINGKEY";

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
                rotateTo(key, file, latest.get(), settings, store);
            }
            if (store.keys().isEmpty()) {
                store.recordKey(new LedgerStore.StoredKey(key.signerId(), key.verifierKey(), null, 0, Instant.now()));
            }
            log.info("ledger checkpoints are signed by {} (verifier key {})", file, key.verifierKey());
            return key;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("the ledger's signing key cannot be read", unreadable);
        }
    }

    /**
     * Hands the ledger to {@code next}: a checkpoint of the tree the latest checkpoint covers, naming
     * the new key, signed by the key the ledger had (given as the previous key) and the new one; or,
     * when the old key is lost and the operator says so, by the new key alone.
     */
    private static void rotateTo(
            LedgerKey next, Path file, LedgerStore.StoredCheckpoint latest, LedgerSettings settings, LedgerStore store)
            throws IOException {
        LedgerKey previous = null;
        if (settings.previousSigningKey() != null) {
            previous = LedgerKey.readPrivate(settings.effectiveKeyName(), settings.previousSigningKey());
            if (!Checkpoint.signerIds(latest.note()).contains(previous.signerId())) {
                throw new OtherSigningKey(settings.previousSigningKey(), previous, latest, PREVIOUS_SETTING);
            }
        } else if (!settings.rotateWithoutPreviousKey()) {
            throw new OtherSigningKey(file, next, latest, SETTING);
        }
        if (store.keys().isEmpty()) {
            // a ledger whose keys were not yet recorded: its first key is the one that signed the latest checkpoint
            // (its verifier key unknown when it was lost before Holdfast recorded it)
            String first = Checkpoint.signerIds(latest.note()).get(0);
            store.recordKey(new LedgerStore.StoredKey(
                    first, previous == null ? null : previous.verifierKey(), null, 0, latest.signedAt()));
        }
        Checkpoint rotation = Checkpoint.signRotation(
                settings.origin(),
                latest.treeSize(),
                java.util.HexFormat.of().parseHex(latest.rootHash()),
                previous,
                next);
        Instant now = Instant.now();
        store.record(new LedgerStore.StoredCheckpoint(latest.treeSize(), latest.rootHash(), now, rotation.note()));
        store.recordKey(new LedgerStore.StoredKey(
                next.signerId(), next.verifierKey(), rotation.note(), latest.treeSize(), now));
        if (previous == null) {
            log.warn(
                    "the ledger's key is now {}, introduced at tree size {} WITHOUT the previous key's signature"
                            + " ({} was lost): auditors must obtain the new key from you",
                    next.signerId(),
                    latest.treeSize(),
                    signers(latest));
        } else {
            log.info(
                    "the ledger's key is now {}, introduced at tree size {} by a checkpoint the previous key {} signed;"
                            + " {} is no longer needed",
                    next.signerId(),
                    latest.treeSize(),
                    previous.signerId(),
                    PREVIOUS_SETTING);
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
        OtherSigningKey(Path file, LedgerKey key, LedgerStore.StoredCheckpoint latest, String setting) {
            super(setting + " (" + file + ") is the key " + key.signerId()
                    + ", but the ledger's latest checkpoint (tree size " + latest.treeSize() + ") is signed by "
                    + signers(latest) + "; give Holdfast the key its checkpoints were signed with, or rotate to"
                    + " this key: name the old one with " + PREVIOUS_SETTING
                    + " (or, when it is lost, set HOLDFAST_LEDGER_ROTATEWITHOUTPREVIOUSKEY=true)");
        }
    }
}

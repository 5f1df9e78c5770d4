package io.holdfast.query.ledger;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ledger: {@code signing-key}, a PKCS#8 PEM Ed25519 key file (the embedded default creates one
 * under the data folder; every other profile needs one); {@code origin} and {@code key-name}, the
 * names its checkpoints carry; {@code checkpoint-interval}, how often a checkpoint is signed when the
 * tree has grown; {@code append-interval}, how often audited entries become leaves;
 * {@code settle-after}, how old an entry above a gap in the audit trail's reading must be before it
 * becomes a leaf: by then the transaction that left the gap has committed or never will (a command's
 * transaction lasts milliseconds; Axon gives up on a gap after a minute). To rotate the key, start
 * with the new {@code signing-key} and the old one as {@code previous-signing-key}; when the old key
 * is lost, with {@code rotate-without-previous-key} instead, which verifiers see as a break.
 */
@ConfigurationProperties("holdfast.ledger")
public record LedgerSettings(
        Path signingKey,
        @DefaultValue("holdfast") String origin,
        String keyName,
        @DefaultValue("1m") Duration checkpointInterval,
        @DefaultValue("1s") Duration appendInterval,
        @DefaultValue("30s") Duration settleAfter,
        Path previousSigningKey,
        @DefaultValue("false") boolean rotateWithoutPreviousKey) {

    /** The key's name in signature lines: the origin unless set. */
    public String effectiveKeyName() {
        return keyName == null || keyName.isBlank() ? origin : keyName;
    }
}

package io.holdfast.query.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.holdfast.kernel.audit.AuditEntry;
import io.holdfast.kernel.caseview.CaseView;
import java.time.Instant;
import java.util.List;

/** What the ledger's API answers; hashes in lower-case hex. */
final class LedgerAnswers {

    private LedgerAnswers() {}

    /** The key checkpoints are signed with: its name, its PEM form and its signed-note verifier key. */
    /**
     * The key checkpoints are signed with now, and every key the ledger had, in order: the tree sizes
     * each signed from (and up to, but for the current one), and the rotation checkpoint that
     * introduced it, {@code endorsed} when the key before it signed that checkpoint.
     */
    record PublicKey(String keyName, String publicKeyPem, String verifierKey, List<LedgerKeyInForce> keys) {}

    record LedgerKeyInForce(
            String signerId,
            String verifierKey,
            String publicKeyPem,
            long fromTreeSize,
            Long toTreeSize,
            String introduction,
            boolean endorsed) {}

    record Checkpoint(long treeSize, String rootHash, Instant signedAt, String note) {

        static Checkpoint of(LedgerStore.StoredCheckpoint stored) {
            return new Checkpoint(stored.treeSize(), stored.rootHash(), stored.signedAt(), stored.note());
        }
    }

    record CheckpointPage(List<Checkpoint> items, int page, int size, long total) {}

    record InclusionProof(long ledgerIndex, long treeSize, String leafHash, List<String> auditPath) {}

    record ConsistencyProof(long from, long to, List<String> proof) {}

    /**
     * The outcome of checking the ledger against the event store and its latest checkpoint; {@code
     * checkpointTreeSize} is null before the first checkpoint, {@code firstDifference} null when valid;
     * {@code keysIntroducedWithoutThePreviousKey} names keys the operator rotated to without the old key.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Verification(
            boolean valid,
            long treeSize,
            Long checkpointTreeSize,
            String firstDifference,
            List<String> keysIntroducedWithoutThePreviousKey) {}

    /**
     * A case's evidence: its view, its history (every entry the ledger holds, in sequence), a
     * checkpoint covering them, one inclusion proof per entry against it and the key to check it
     * with; with {@code since}, the proof that the checkpoint extends the one of that size.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EvidenceBundle(
            @JsonProperty("case") CaseView caseView,
            List<AuditEntry> entries,
            int entriesNotYetInLedger,
            Checkpoint checkpoint,
            List<InclusionProof> inclusionProofs,
            PublicKey publicKey,
            ConsistencyProof consistencyProof) {}
}

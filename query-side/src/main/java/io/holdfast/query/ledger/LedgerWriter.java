package io.holdfast.query.ledger;

import io.holdfast.ledger.Checkpoint;
import io.holdfast.ledger.LedgerKey;
import io.holdfast.ledger.MerkleTree;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes audited entries leaves and signs checkpoints, each in one transaction under the writer's
 * lock, so nodes never append or sign over each other. An entry becomes a leaf once the audit trail
 * has read every event below it, or, above a gap, once it is {@code settle-after} old; entries are
 * taken in global-index order and the first that is not yet settled stops the batch.
 */
class LedgerWriter {

    static final int BATCH = 1000;

    private final LedgerStore store;
    private final AuditTrailHorizon horizon;
    private final TransactionTemplate transactions;
    private final LedgerKey key;
    private final LedgerSettings settings;
    private final Clock clock;

    LedgerWriter(
            LedgerStore store,
            AuditTrailHorizon horizon,
            TransactionTemplate transactions,
            LedgerKey key,
            LedgerSettings settings,
            Clock clock) {
        this.store = store;
        this.horizon = horizon;
        this.transactions = transactions;
        this.key = key;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Appends what has settled, a batch per transaction, until a batch is not full: under load the
     * writer then takes one batch per interval instead of chasing each new entry with a transaction
     * of its own. The number of leaves appended.
     */
    long appendSettled() {
        long appended = 0;
        while (true) {
            Integer batch = transactions.execute(status -> appendBatch());
            appended += batch == null ? 0 : batch;
            if (batch == null || batch < BATCH) {
                return appended;
            }
        }
    }

    private int appendBatch() {
        AuditTrailHorizon.Horizon audited = horizon.now();
        if (!store.auditedBetween(store.lastGlobalIndex(), audited.seen())) {
            // nothing new: no lock taken, so an idle ledger costs a few key lookups a second
            return 0;
        }
        store.lock();
        long last = store.lastGlobalIndex();
        if (audited.seen() <= last) {
            return 0;
        }
        Instant settledBefore = clock.instant().minus(settings.settleAfter());
        List<LedgerStore.Settled> settled = new ArrayList<>();
        for (LedgerStore.Settled entry : store.auditedAfter(last, audited.seen(), BATCH)) {
            if (entry.globalIndex() > audited.gapFree() && entry.occurredAt().isAfter(settledBefore)) {
                break;
            }
            settled.add(entry);
        }
        store.append(store.size(), settled);
        return settled.size();
    }

    /** A checkpoint of the ledger as it stands; the latest when the tree has not grown since. */
    Signed checkpoint() {
        return transactions.execute(status -> {
            store.lock();
            long size = store.size();
            Optional<LedgerStore.StoredCheckpoint> latest = store.latestCheckpoint();
            String root = HexFormat.of().formatHex(MerkleTree.root(size, store::subtree));
            if (latest.isPresent()
                    && latest.get().treeSize() == size
                    && latest.get().rootHash().equals(root)) {
                return new Signed(latest.get(), false);
            }
            Checkpoint signed =
                    Checkpoint.sign(settings.origin(), size, HexFormat.of().parseHex(root), key);
            LedgerStore.StoredCheckpoint kept =
                    new LedgerStore.StoredCheckpoint(size, root, clock.instant(), signed.note());
            store.record(kept);
            return new Signed(kept, true);
        });
    }

    /** A checkpoint, and whether it was signed now. */
    record Signed(LedgerStore.StoredCheckpoint checkpoint, boolean isNew) {}
}

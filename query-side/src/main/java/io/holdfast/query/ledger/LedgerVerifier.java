package io.holdfast.query.ledger;

import io.holdfast.kernel.audit.AuditEntry;
import io.holdfast.ledger.ChainedEntry;
import io.holdfast.ledger.Checkpoint;
import io.holdfast.ledger.KeyChain;
import io.holdfast.ledger.LedgerKey;
import io.holdfast.ledger.MerkleTree;
import io.holdfast.query.audit.AuditChain;
import io.holdfast.query.audit.AuditEntryRows;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks the ledger from the ground up: each leaf against its audit entry, each entry's hash
 * recomputed from its content and chained to its case's entry before, each case's entries against
 * the events the event store holds, the tree recomputed from the leaves against the stored subtree
 * hashes, every audited entry below the last leaf in the ledger, and the latest checkpoint's
 * signature and root against the leaves it covers. The first difference is reported.
 */
@Component
class LedgerVerifier {

    private static final HexFormat HEX = HexFormat.of();
    private static final int PAGE = 1000;

    private final JdbcTemplate jdbc;
    private final LedgerStore store;
    private final EventStore eventStore;
    private final LedgerKey key;

    LedgerVerifier(JdbcTemplate jdbc, LedgerStore store, EventStore eventStore, LedgerKey key) {
        this.jdbc = jdbc;
        this.store = store;
        this.eventStore = eventStore;
        this.key = key;
    }

    LedgerAnswers.Verification verify() {
        // the checkpoint before the size, and only the leaves below that size: the writer may append and
        // sign while a verification reads, and a verification covers the ledger as it was when it began
        Optional<LedgerStore.StoredCheckpoint> latest = store.latestCheckpoint();
        long size = store.size();
        Long checkpointSize = latest.map(LedgerStore.StoredCheckpoint::treeSize).orElse(null);
        List<String> unendorsed = new ArrayList<>();
        try {
            String difference = keyChainDifference(unendorsed);
            if (difference == null) {
                difference = firstDifference(size, latest);
            }
            return new LedgerAnswers.Verification(difference == null, size, checkpointSize, difference, unendorsed);
        } catch (RuntimeException unreadable) {
            return new LedgerAnswers.Verification(
                    false,
                    size,
                    checkpointSize,
                    "the ledger could not be read: " + unreadable.getMessage(),
                    unendorsed);
        }
    }

    /**
     * Each key after the first was introduced by a checkpoint that names it and that it signed; one the
     * key before it did not sign (the operator rotated without the lost old key) is named, not refused.
     */
    private String keyChainDifference(List<String> unendorsed) {
        List<LedgerStore.StoredKey> keys = store.keys();
        for (int i = 1; i < keys.size(); i++) {
            LedgerStore.StoredKey stored = keys.get(i);
            LedgerKey next = LedgerKey.fromVerifierKey(stored.verifierKey());
            if (keys.get(i - 1).verifierKey() == null) {
                unendorsed.add(stored.signerId());
                continue;
            }
            KeyChain.Introduction introduction = KeyChain.introduction(
                    new KeyChain.Link(stored.verifierKey(), stored.introduction()),
                    LedgerKey.fromVerifierKey(keys.get(i - 1).verifierKey()),
                    next);
            if (introduction == KeyChain.Introduction.WITHOUT_THE_PREVIOUS_KEY) {
                unendorsed.add(stored.signerId());
            } else if (introduction != KeyChain.Introduction.ENDORSED) {
                return "the ledger's key " + stored.signerId() + " " + introduction.failure();
            }
        }
        if (!keys.isEmpty() && !keys.get(keys.size() - 1).signerId().equals(key.signerId())) {
            return "the ledger's last recorded key is "
                    + keys.get(keys.size() - 1).signerId() + ", not the key checkpoints are signed with ("
                    + key.signerId() + ")";
        }
        return null;
    }

    private String firstDifference(long size, Optional<LedgerStore.StoredCheckpoint> latest) {
        if (latest.isPresent()) {
            try {
                Checkpoint.verified(latest.get().note(), key);
            } catch (Checkpoint.InvalidCheckpoint invalid) {
                return "the latest checkpoint's signature does not verify: " + invalid.getMessage();
            }
            if (latest.get().treeSize() > size) {
                return "the latest checkpoint covers " + latest.get().treeSize() + " leaves, but the ledger holds only "
                        + size + ": entries it covered are gone";
            }
        }
        long checkpointSize = latest.map(LedgerStore.StoredCheckpoint::treeSize).orElse(-1L);
        Map<String, String> chainEnds = new HashMap<>();
        // per case: how many of its events the ledger holds and a hash of their ids in order, not the ids themselves
        Map<String, long[]> eventsByCase = new LinkedHashMap<>();
        Deque<Subtree> peaks = new ArrayDeque<>();
        byte[] rootAtCheckpoint = null;
        long lastGlobalIndex = -1;
        long index = 0;
        while (index < size) {
            List<Leaf> leaves = jdbc.query(
                    "select l.leaf_hash, " + AuditEntryRows.COLUMNS
                            + " from ledger_leaf l left join audit_entry a on a.global_index = l.global_index"
                            + " where l.ledger_index >= ? and l.ledger_index < ? order by l.ledger_index limit ?",
                    (row, i) -> new Leaf(
                            row.getLong("ledger_index"),
                            row.getString("leaf_hash"),
                            row.getString("case_id") == null ? null : AuditEntryRows.ENTRY.mapRow(row, i)),
                    index,
                    size,
                    PAGE);
            for (Leaf leaf : leaves) {
                String where = "leaf " + leaf.ledgerIndex();
                if (leaf.ledgerIndex() != index) {
                    return "leaf " + index + " is missing";
                }
                AuditEntry entry = leaf.entry();
                if (entry == null) {
                    return where + ": its audit entry is gone";
                }
                if (entry.globalIndex() <= lastGlobalIndex) {
                    return where + ": out of global-index order";
                }
                lastGlobalIndex = entry.globalIndex();
                if (!HEX.formatHex(ChainedEntry.leafHash(entry.hash())).equals(leaf.leafHash())) {
                    return where + ": does not match the hash of its audit entry (case " + entry.caseId()
                            + ", sequence " + entry.sequence() + ")";
                }
                String previous = chainEnds.getOrDefault(entry.caseId(), ChainedEntry.GENESIS);
                if (!previous.equals(entry.previousHash())
                        || !AuditChain.hash(previous, entry).equals(entry.hash())) {
                    return where + ": the entry of case " + entry.caseId() + " at sequence " + entry.sequence()
                            + " does not match its content or does not chain to the entry before it";
                }
                chainEnds.put(entry.caseId(), entry.hash());
                long[] tally = eventsByCase.computeIfAbsent(entry.caseId(), c -> new long[2]);
                tally[0]++;
                tally[1] = idsHash(tally[1], entry.eventId());
                push(peaks, HEX.parseHex(leaf.leafHash()));
                index++;
                if (index == checkpointSize) {
                    rootAtCheckpoint = fold(peaks);
                }
            }
            if (leaves.isEmpty()) {
                return "leaf " + index + " is missing";
            }
        }
        for (Map.Entry<String, long[]> inLedger : eventsByCase.entrySet()) {
            long ledgered = inLedger.getValue()[0];
            long[] stored = {0, 0};
            eventStore
                    .readEvents(inLedger.getKey(), 0)
                    .asStream()
                    .limit(ledgered)
                    .forEach(event -> {
                        stored[0]++;
                        stored[1] = idsHash(stored[1], event.getIdentifier());
                    });
            if (stored[0] != ledgered || stored[1] != inLedger.getValue()[1]) {
                return "the event store no longer holds the " + ledgered + " events of case " + inLedger.getKey()
                        + " that the ledger holds (it holds " + stored[0] + " of them, or others)";
            }
        }
        Long audited = jdbc.queryForObject(
                "select count(*) from audit_entry where global_index <= ?", Long.class, lastGlobalIndex);
        if (audited != null && audited != size) {
            return "the audit trail holds " + audited + " entries up to the ledger's last leaf, the ledger " + size
                    + ": an entry was audited out of order and is not in the ledger";
        }
        byte[] recomputed = size == 0 ? MerkleTree.root(0, null) : fold(peaks);
        if (!HEX.formatHex(recomputed).equals(HEX.formatHex(MerkleTree.root(size, store::subtree)))) {
            return "the stored subtree hashes do not match the leaves";
        }
        if (latest.isPresent()) {
            byte[] expected = checkpointSize == 0 ? MerkleTree.root(0, null) : rootAtCheckpoint;
            if (!HEX.formatHex(expected).equals(latest.get().rootHash())) {
                return "the ledger's first " + checkpointSize
                        + " leaves no longer have the root the latest checkpoint signed: the ledger was rewritten";
            }
        }
        return null;
    }

    private record Leaf(long ledgerIndex, String leafHash, AuditEntry entry) {}

    /** FNV-1a over the ids in order: which events, in which order, in eight bytes a case. */
    private static long idsHash(long hash, String eventId) {
        long h = hash == 0 ? 0xcbf29ce484222325L : hash;
        for (int i = 0; i < eventId.length(); i++) {
            h ^= eventId.charAt(i);
            h *= 0x100000001b3L;
        }
        return h ^ '|';
    }

    /** A complete subtree on the tree's right edge. */
    private record Subtree(long leaves, byte[] hash) {}

    private static void push(Deque<Subtree> peaks, byte[] leaf) {
        Subtree added = new Subtree(1, leaf);
        while (!peaks.isEmpty() && peaks.peekLast().leaves() == added.leaves()) {
            Subtree left = peaks.removeLast();
            added = new Subtree(left.leaves() * 2, MerkleTree.nodeHash(left.hash(), added.hash()));
        }
        peaks.addLast(added);
    }

    /** RFC 9162's root of the leaves pushed so far: the right edge's subtrees folded from the right. */
    private static byte[] fold(Deque<Subtree> peaks) {
        var fromRight = peaks.descendingIterator();
        byte[] root = fromRight.next().hash();
        while (fromRight.hasNext()) {
            root = MerkleTree.nodeHash(fromRight.next().hash(), root);
        }
        return root;
    }
}

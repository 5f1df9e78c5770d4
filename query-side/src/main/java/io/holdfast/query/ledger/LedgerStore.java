package io.holdfast.query.ledger;

import io.holdfast.ledger.ChainedEntry;
import io.holdfast.ledger.MerkleTree;
import io.holdfast.query.readmodel.ReadTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The ledger's rows: leaves, the hashes of complete subtrees, checkpoints, and the writer's lock. */
@Repository
class LedgerStore {

    private static final HexFormat HEX = HexFormat.of();

    private static final RowMapper<StoredCheckpoint> CHECKPOINT = (row, i) -> new StoredCheckpoint(
            row.getLong("tree_size"),
            row.getString("root_hash"),
            ReadTimes.fromColumn(row, "signed_at"),
            row.getString("note"));

    private final JdbcTemplate jdbc;

    LedgerStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An audit entry about to become a leaf. */
    record Settled(long globalIndex, String caseId, long sequence, String hash, Instant occurredAt) {}

    /** A checkpoint as kept: hashes in lower-case hex. */
    record StoredCheckpoint(long treeSize, String rootHash, Instant signedAt, String note) {}

    /** Takes the writer's lock for the rest of the transaction: one node appends or signs at a time. */
    void lock() {
        jdbc.queryForObject("select head_id from ledger_head where head_id = 1 for update", Integer.class);
    }

    /** Leaves are numbered without holes, so the size is the last number plus one: a key lookup, not a count. */
    long size() {
        Long last = jdbc.queryForObject("select max(ledger_index) from ledger_leaf", Long.class);
        return last == null ? 0 : last + 1;
    }

    long lastGlobalIndex() {
        Long last = jdbc.queryForObject("select max(global_index) from ledger_leaf", Long.class);
        return last == null ? -1 : last;
    }

    /** Whether the audit trail holds an entry after {@code after} up to {@code horizon}: a key lookup. */
    boolean auditedBetween(long after, long horizon) {
        Long next = jdbc.queryForObject(
                "select min(global_index) from audit_entry where global_index > ?", Long.class, after);
        return next != null && next <= horizon;
    }

    /** The audit entries after {@code after} up to {@code horizon}, by global index. */
    List<Settled> auditedAfter(long after, long horizon, int limit) {
        return jdbc.query(
                "select global_index, case_id, sequence, hash, occurred_at from audit_entry"
                        + " where global_index > ? and global_index <= ? order by global_index limit ?",
                (row, i) -> new Settled(
                        row.getLong("global_index"),
                        row.getString("case_id"),
                        row.getLong("sequence"),
                        row.getString("hash"),
                        ReadTimes.fromColumn(row, "occurred_at")),
                after,
                horizon,
                limit);
    }

    /**
     * Appends the entries as leaves from {@code size} on, with every subtree they complete: leaf n
     * completes the subtree of each level L where the next leaf count is a multiple of 2^L.
     */
    void append(long size, List<Settled> entries) {
        Map<Long, byte[]> written = new HashMap<>();
        List<Object[]> leaves = new ArrayList<>();
        List<Object[]> subtrees = new ArrayList<>();
        long index = size;
        for (Settled entry : entries) {
            byte[] leaf = ChainedEntry.leafHash(entry.hash());
            leaves.add(
                    new Object[] {index, entry.globalIndex(), entry.caseId(), entry.sequence(), HEX.formatHex(leaf)});
            written.put(key(0, index), leaf);
            byte[] hash = leaf;
            long node = index;
            int level = 0;
            while ((node & 1) == 1) {
                byte[] left = written.containsKey(key(level, node - 1))
                        ? written.get(key(level, node - 1))
                        : subtree(level, node - 1);
                hash = MerkleTree.nodeHash(left, hash);
                level++;
                node >>= 1;
                written.put(key(level, node), hash);
                subtrees.add(new Object[] {level, node, HEX.formatHex(hash)});
            }
            index++;
        }
        jdbc.batchUpdate(
                "insert into ledger_leaf (ledger_index, global_index, case_id, sequence, leaf_hash) values (?, ?, ?, ?, ?)",
                leaves);
        jdbc.batchUpdate("insert into ledger_subtree (level, node_index, hash) values (?, ?, ?)", subtrees);
    }

    /** Levels up to 62 and indexes below 2^56 fit one key. */
    private static long key(int level, long index) {
        return ((long) level << 56) | index;
    }

    byte[] subtree(int level, long index) {
        String hex = level == 0
                ? jdbc.queryForObject("select leaf_hash from ledger_leaf where ledger_index = ?", String.class, index)
                : jdbc.queryForObject(
                        "select hash from ledger_subtree where level = ? and node_index = ?",
                        String.class,
                        level,
                        index);
        return HEX.parseHex(hex);
    }

    Optional<String> leafHash(long ledgerIndex) {
        return jdbc
                .query(
                        "select leaf_hash from ledger_leaf where ledger_index = ?",
                        (row, i) -> row.getString(1),
                        ledgerIndex)
                .stream()
                .findFirst();
    }

    void record(StoredCheckpoint checkpoint) {
        jdbc.update(
                "insert into ledger_checkpoint (tree_size, root_hash, signed_at, note) values (?, ?, ?, ?)",
                checkpoint.treeSize(),
                checkpoint.rootHash(),
                ReadTimes.toColumn(checkpoint.signedAt()),
                checkpoint.note());
    }

    Optional<StoredCheckpoint> latestCheckpoint() {
        return jdbc
                .query(
                        "select tree_size, root_hash, signed_at, note from ledger_checkpoint"
                                + " order by checkpoint_id desc limit 1",
                        CHECKPOINT)
                .stream()
                .findFirst();
    }

    List<StoredCheckpoint> checkpoints(int page, int size) {
        return jdbc.query(
                "select tree_size, root_hash, signed_at, note from ledger_checkpoint"
                        + " order by checkpoint_id desc limit ? offset ?",
                CHECKPOINT,
                size,
                (long) page * size);
    }

    long checkpointCount() {
        Long count = jdbc.queryForObject("select count(*) from ledger_checkpoint", Long.class);
        return count == null ? 0 : count;
    }

    /** One of the ledger's keys, in the order they signed. */
    record StoredKey(
            String signerId, String verifierKey, String introduction, long fromTreeSize, Instant introducedAt) {}

    List<StoredKey> keys() {
        return jdbc.query(
                "select signer_id, verifier_key, introduction, from_tree_size, introduced_at from ledger_key"
                        + " order by key_order",
                (row, i) -> new StoredKey(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getLong(4),
                        ReadTimes.fromColumn(row, "introduced_at")));
    }

    void recordKey(StoredKey key) {
        jdbc.update(
                "insert into ledger_key (signer_id, verifier_key, introduction, from_tree_size, introduced_at)"
                        + " values (?, ?, ?, ?, ?)",
                key.signerId(),
                key.verifierKey(),
                key.introduction(),
                key.fromTreeSize(),
                ReadTimes.toColumn(key.introducedAt()));
    }

    /** A replay rebuilds the ledger with the audit trail; truncation fires no row trigger, and checkpoints stay. */
    void forgetLeaves() {
        jdbc.execute("truncate table ledger_leaf");
        jdbc.execute("truncate table ledger_subtree");
    }
}

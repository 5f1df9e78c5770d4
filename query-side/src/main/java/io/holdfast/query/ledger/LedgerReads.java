package io.holdfast.query.ledger;

import io.holdfast.kernel.InvalidValueException;
import io.holdfast.ledger.KeyChain;
import io.holdfast.ledger.LedgerKey;
import io.holdfast.ledger.MerkleTree;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;

/** Checkpoints and proofs as the API gives them: each proof reads O(log n) stored subtree hashes. */
@Component
class LedgerReads {

    private static final HexFormat HEX = HexFormat.of();

    private final LedgerStore store;
    private final LedgerKey key;

    LedgerReads(LedgerStore store, LedgerKey key) {
        this.store = store;
        this.key = key;
    }

    LedgerAnswers.PublicKey publicKey() {
        return new LedgerAnswers.PublicKey(key.keyName(), key.publicKeyPem(), key.verifierKey(), keys());
    }

    /** The ledger's keys in order, each with the tree sizes it signed and how it was introduced. */
    List<LedgerAnswers.LedgerKeyInForce> keys() {
        List<LedgerStore.StoredKey> stored = store.keys();
        List<LedgerAnswers.LedgerKeyInForce> keys = new java.util.ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            LedgerStore.StoredKey each = stored.get(i);
            LedgerKey verifier = each.verifierKey() == null ? null : LedgerKey.fromVerifierKey(each.verifierKey());
            boolean endorsed = i > 0
                    && verifier != null
                    && stored.get(i - 1).verifierKey() != null
                    && KeyChain.introduction(
                                    new KeyChain.Link(each.verifierKey(), each.introduction()),
                                    LedgerKey.fromVerifierKey(stored.get(i - 1).verifierKey()),
                                    verifier)
                            == KeyChain.Introduction.ENDORSED;
            keys.add(new LedgerAnswers.LedgerKeyInForce(
                    each.signerId(),
                    each.verifierKey(),
                    verifier == null ? null : verifier.publicKeyPem(),
                    each.fromTreeSize(),
                    i + 1 < stored.size() ? stored.get(i + 1).fromTreeSize() : null,
                    each.introduction(),
                    endorsed));
        }
        return keys;
    }

    LedgerAnswers.InclusionProof inclusion(long ledgerIndex, long treeSize) {
        long size = store.size();
        treeSizeWithin("treeSize", treeSize, size);
        if (ledgerIndex < 0 || ledgerIndex >= treeSize) {
            throw new InvalidValueException("ledgerIndex", "must be at least 0 and below treeSize (" + treeSize + ")");
        }
        List<String> path = hex(MerkleTree.inclusionPath(ledgerIndex, treeSize, store::subtree));
        return new LedgerAnswers.InclusionProof(
                ledgerIndex, treeSize, store.leafHash(ledgerIndex).orElseThrow(), path);
    }

    LedgerAnswers.ConsistencyProof consistency(long from, long to) {
        long size = store.size();
        treeSizeWithin("to", to, size);
        if (from < 1 || from > to) {
            throw new InvalidValueException("from", "must be between 1 and to (" + to + ")");
        }
        return new LedgerAnswers.ConsistencyProof(from, to, hex(MerkleTree.consistencyProof(from, to, store::subtree)));
    }

    private static void treeSizeWithin(String name, long treeSize, long size) {
        if (treeSize < 1 || treeSize > size) {
            throw new InvalidValueException(
                    name,
                    size == 0
                            ? "cannot be given yet: the ledger holds no leaves"
                            : "must be between 1 and the ledger's size, " + size);
        }
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}

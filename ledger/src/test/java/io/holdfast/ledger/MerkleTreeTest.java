package io.holdfast.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The tree, its proofs and their verification against a reference written straight from RFC 9162's
 * definitions (MTH, PATH, PROOF and SUBPROOF over the list of leaves), for every pair of sizes.
 */
class MerkleTreeTest {

    private static final int N = 70;

    @Property(tries = 300)
    void inclusionProofsAreTheRfcsAndVerify(
            @ForAll @IntRange(min = 1, max = N) int size, @ForAll @IntRange(min = 0, max = N - 1) int index) {
        if (index >= size) {
            return;
        }
        List<byte[]> data = data(size);
        MerkleTree.Subtrees stored = subtreesOf(data);
        byte[] root = MerkleTree.root(size, stored);
        List<byte[]> path = MerkleTree.inclusionPath(index, size, stored);

        assertThat(hex(root)).isEqualTo(hex(Reference.mth(data)));
        assertThat(path.stream().map(MerkleTreeTest::hex))
                .containsExactlyElementsOf(Reference.path(index, data).stream()
                        .map(MerkleTreeTest::hex)
                        .toList());
        byte[] leaf = MerkleTree.leafHash(data.get(index));
        assertThat(MerkleTree.verifyInclusion(index, size, leaf, path, root)).isTrue();
        assertThat(MerkleTree.verifyInclusion(index, size, MerkleTree.leafHash(new byte[] {9}), path, root))
                .isFalse();
        if (!path.isEmpty()) {
            List<byte[]> altered = new ArrayList<>(path);
            altered.set(0, flipped(altered.get(0)));
            assertThat(MerkleTree.verifyInclusion(index, size, leaf, altered, root))
                    .isFalse();
            assertThat(MerkleTree.verifyInclusion(index == 0 ? 1 : index - 1, size, leaf, path, root))
                    .as("the path proves the leaf at its own index only")
                    .isFalse();
        }
    }

    @Example
    void everyPairOfSizesUpToNHasAConsistencyProofThatVerifies() {
        List<byte[]> data = data(N);
        MerkleTree.Subtrees stored = subtreesOf(data);
        for (int to = 1; to <= N; to++) {
            byte[] toRoot = MerkleTree.root(to, stored);
            for (int from = 1; from <= to; from++) {
                byte[] fromRoot = MerkleTree.root(from, stored);
                List<byte[]> proof = MerkleTree.consistencyProof(from, to, stored);
                assertThat(proof.stream().map(MerkleTreeTest::hex))
                        .as("proof %d → %d", from, to)
                        .containsExactlyElementsOf(Reference.proof(from, data.subList(0, to)).stream()
                                .map(MerkleTreeTest::hex)
                                .toList());
                assertThat(MerkleTree.verifyConsistency(from, to, fromRoot, toRoot, proof))
                        .as("%d → %d", from, to)
                        .isTrue();
                if (from < to) {
                    assertThat(MerkleTree.verifyConsistency(from, to, flipped(fromRoot), toRoot, proof))
                            .isFalse();
                    assertThat(MerkleTree.verifyConsistency(from, to, fromRoot, flipped(toRoot), proof))
                            .isFalse();
                }
            }
        }
    }

    @Property(tries = 200)
    void aTreeWithAChangedLeafIsNoExtensionOfTheOriginal(
            @ForAll @IntRange(min = 1, max = N - 1) int from,
            @ForAll @IntRange(min = 2, max = N) int to,
            @ForAll @IntRange(min = 0, max = N - 1) int changed) {
        if (from >= to || changed >= from) {
            return;
        }
        List<byte[]> original = data(to);
        List<byte[]> rewritten = new ArrayList<>(original);
        rewritten.set(changed, "rewritten".getBytes(StandardCharsets.UTF_8));
        byte[] fromRoot = MerkleTree.root(from, subtreesOf(original));
        MerkleTree.Subtrees after = subtreesOf(rewritten);
        List<byte[]> proof = MerkleTree.consistencyProof(from, to, after);
        assertThat(MerkleTree.verifyConsistency(from, to, fromRoot, MerkleTree.root(to, after), proof))
                .isFalse();
    }

    @Example
    void theEmptyTreeAndOneLeafAreAsTheRfcDefines() throws Exception {
        assertThat(hex(MerkleTree.root(0, (level, index) -> null)))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        byte[] leaf = MerkleTree.leafHash(new byte[0]);
        assertThat(hex(leaf))
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(new byte[] {0})));
    }

    private static List<byte[]> data(int size) {
        List<byte[]> data = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            data.add(("leaf " + i).getBytes(StandardCharsets.UTF_8));
        }
        return data;
    }

    /** Complete subtrees computed by the reference, as the ledger stores them. */
    private static MerkleTree.Subtrees subtreesOf(List<byte[]> data) {
        return (level, index) -> {
            int from = (int) (index << level);
            int to = from + (1 << level);
            if (to > data.size()) {
                throw new IllegalStateException("subtree " + level + "/" + index + " is not complete");
            }
            return Reference.mth(data.subList(from, to));
        };
    }

    private static byte[] flipped(byte[] hash) {
        byte[] copy = Arrays.copyOf(hash, hash.length);
        copy[0] ^= 1;
        return copy;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1, word for word over the list of leaves. */
    static final class Reference {

        static byte[] mth(List<byte[]> d) {
            int n = d.size();
            if (n == 0) {
                return sha256(new byte[0]);
            }
            if (n == 1) {
                return sha256(concat(new byte[] {0}, d.get(0)));
            }
            int k = k(n);
            return sha256(concat(new byte[] {1}, mth(d.subList(0, k)), mth(d.subList(k, n))));
        }

        static List<byte[]> path(int m, List<byte[]> d) {
            int n = d.size();
            List<byte[]> out = new ArrayList<>();
            if (n == 1) {
                return out;
            }
            int k = k(n);
            if (m < k) {
                out.addAll(path(m, d.subList(0, k)));
                out.add(mth(d.subList(k, n)));
            } else {
                out.addAll(path(m - k, d.subList(k, n)));
                out.add(mth(d.subList(0, k)));
            }
            return out;
        }

        static List<byte[]> proof(int m, List<byte[]> d) {
            return subproof(m, d, true);
        }

        static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
            int n = d.size();
            List<byte[]> out = new ArrayList<>();
            if (m == n) {
                if (!b) {
                    out.add(mth(d));
                }
                return out;
            }
            int k = k(n);
            if (m <= k) {
                out.addAll(subproof(m, d.subList(0, k), b));
                out.add(mth(d.subList(k, n)));
            } else {
                out.addAll(subproof(m - k, d.subList(k, n), false));
                out.add(mth(d.subList(0, k)));
            }
            return out;
        }

        private static int k(int n) {
            int k = 1;
            while (k * 2 < n) {
                k *= 2;
            }
            return k;
        }

        private static byte[] concat(byte[]... parts) {
            int length = 0;
            for (byte[] part : parts) {
                length += part.length;
            }
            byte[] out = new byte[length];
            int at = 0;
            for (byte[] part : parts) {
                System.arraycopy(part, 0, out, at, part.length);
                at += part.length;
            }
            return out;
        }

        private static byte[] sha256(byte[] bytes) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(bytes);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

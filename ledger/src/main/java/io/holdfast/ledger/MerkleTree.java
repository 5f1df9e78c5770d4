package io.holdfast.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 §2.1 over the ledger's leaves: a leaf is {@code SHA-256(0x00 ‖ data)},
 * an interior node {@code SHA-256(0x01 ‖ left ‖ right)}, a tree of n leaves splits at the largest
 * power of two below n. Proofs are built from the hashes of complete subtrees ({@link Subtrees}),
 * so a proof reads O(log n) of them and never the leaves.
 */
public final class MerkleTree {

    /** The hash of the complete subtree at {@code level} covering leaves {@code [index·2^level, (index+1)·2^level)}. */
    @FunctionalInterface
    public interface Subtrees {
        byte[] hash(int level, long index);
    }

    private MerkleTree() {}

    public static byte[] leafHash(byte[] data) {
        return sha256((byte) 0x00, data, null);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        return sha256((byte) 0x01, left, right);
    }

    /** The root of the tree of the first {@code size} leaves; the hash of no data when it has none. */
    public static byte[] root(long size, Subtrees subtrees) {
        if (size == 0) {
            return sha256(null, new byte[0], null);
        }
        return hash(0, size, subtrees);
    }

    /** The audit path of leaf {@code index} in the tree of {@code size} leaves (RFC 9162 §2.1.3.1), leaf to root. */
    public static List<byte[]> inclusionPath(long index, long size, Subtrees subtrees) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        long start = 0;
        long count = size;
        List<byte[]> fromRoot = new ArrayList<>();
        while (count > 1) {
            long k = largestPowerOfTwoBelow(count);
            if (index - start < k) {
                fromRoot.add(hash(start + k, count - k, subtrees));
                count = k;
            } else {
                fromRoot.add(hash(start, k, subtrees));
                start += k;
                count -= k;
            }
        }
        for (int i = fromRoot.size() - 1; i >= 0; i--) {
            path.add(fromRoot.get(i));
        }
        return path;
    }

    /** The proof that the tree of {@code from} leaves is a prefix of the tree of {@code to} (RFC 9162 §2.1.4.1). */
    public static List<byte[]> consistencyProof(long from, long to, Subtrees subtrees) {
        if (from < 1 || from > to) {
            throw new IllegalArgumentException("no consistency proof from " + from + " to " + to);
        }
        List<byte[]> fromRoot = new ArrayList<>();
        long m = from;
        long start = 0;
        long count = to;
        boolean whole = true;
        while (m != count) {
            long k = largestPowerOfTwoBelow(count);
            if (m <= k) {
                fromRoot.add(hash(start + k, count - k, subtrees));
                count = k;
            } else {
                fromRoot.add(hash(start, k, subtrees));
                m -= k;
                start += k;
                count -= k;
                whole = false;
            }
        }
        if (!whole) {
            fromRoot.add(hash(start, count, subtrees));
        }
        List<byte[]> proof = new ArrayList<>();
        for (int i = fromRoot.size() - 1; i >= 0; i--) {
            proof.add(fromRoot.get(i));
        }
        return proof;
    }

    /** RFC 9162 §2.1.3.2: whether {@code path} proves leaf {@code index} of a tree of {@code size} under {@code root}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 §2.1.4.2: whether {@code proof} shows the tree of {@code from} under {@code fromRoot} is a prefix of that of {@code to}. */
    public static boolean verifyConsistency(long from, long to, byte[] fromRoot, byte[] toRoot, List<byte[]> proof) {
        if (from < 1 || from > to) {
            return false;
        }
        if (from == to) {
            return proof.isEmpty() && Arrays.equals(fromRoot, toRoot);
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(from) == 1) {
            path.add(0, fromRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        long fn = from - 1;
        long sn = to - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, fromRoot) && Arrays.equals(sr, toRoot);
    }

    /** The hash of leaves {@code [start, start+count)}; every such range in RFC 9162's recursion starts aligned. */
    private static byte[] hash(long start, long count, Subtrees subtrees) {
        if (Long.bitCount(count) == 1) {
            int level = Long.numberOfTrailingZeros(count);
            return subtrees.hash(level, start >> level);
        }
        long k = largestPowerOfTwoBelow(count);
        return nodeHash(hash(start, k, subtrees), hash(start + k, count - k, subtrees));
    }

    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static byte[] sha256(Byte prefix, byte[] first, byte[] second) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (prefix != null) {
                digest.update(prefix);
            }
            digest.update(first);
            if (second != null) {
                digest.update(second);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

package io.holdfast.query.readmodel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * An SQL {@code in (?, ?, …)} list for a batch's keys, in statements of at most {@value #KEYS_PER_STATEMENT} keys.
 * <p>
 * Each statement's list is filled up to a power of two by repeating its last key, so that a projection sends
 * at most ten different statements instead of one per batch size: the database then plans each once per
 * connection and reuses the plan (PostgreSQL's JDBC driver prepares a statement on the server after five uses).
 * A key asked for twice finds the same row, which callers keep once by key.
 */
public final class InClause {

    public static final int KEYS_PER_STATEMENT = 512;

    private InClause() {
    }

    public static String of(Collection<?> keys) {
        return "(" + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")";
    }

    public static List<List<String>> chunks(Collection<String> keys) {
        List<String> all = List.copyOf(keys);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += KEYS_PER_STATEMENT) {
            chunks.add(filledToPowerOfTwo(all.subList(from, Math.min(all.size(), from + KEYS_PER_STATEMENT))));
        }
        return chunks;
    }

    private static List<String> filledToPowerOfTwo(List<String> keys) {
        int size = Integer.highestOneBit(keys.size());
        if (size == keys.size()) {
            return keys;
        }
        List<String> filled = new ArrayList<>(size * 2);
        filled.addAll(keys);
        filled.addAll(Collections.nCopies(size * 2 - keys.size(), keys.get(keys.size() - 1)));
        return filled;
    }
}

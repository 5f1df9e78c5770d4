package io.holdfast.query.performance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** An SQL {@code in (?, ?, …)} list for a batch's keys, in statements of at most {@value #KEYS_PER_STATEMENT} keys. */
public final class InClause {

    public static final int KEYS_PER_STATEMENT = 500;

    private InClause() {}

    public static String of(Collection<?> keys) {
        return "(" + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")";
    }

    public static List<List<String>> chunks(Collection<String> keys) {
        List<String> all = List.copyOf(keys);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += KEYS_PER_STATEMENT) {
            chunks.add(all.subList(from, Math.min(all.size(), from + KEYS_PER_STATEMENT)));
        }
        return chunks;
    }
}

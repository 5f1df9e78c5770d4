package io.holdfast.command.screening;

import io.holdfast.command.screening.Designations.ListedName;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds listed names that resemble a holder's name. Only listed names sharing a word with the
 * holder's are scored (a word index, not a scan of the list); words most names share are skipped.
 */
final class NameScreening {

    private static final int COMMON_WORD = 500;

    private final Map<String, List<ListedName>> byWord = new HashMap<>();
    private final double threshold;

    NameScreening(List<ListedName> names, double threshold) {
        this.threshold = threshold;
        for (ListedName name : names) {
            for (String word : new HashSet<>(NameKeys.words(name.key()))) {
                if (word.length() > 1) {
                    byWord.computeIfAbsent(word, w -> new ArrayList<>()).add(name);
                }
            }
        }
    }

    /** The best-scoring listed name of each entry whose score reaches the threshold. */
    List<NameMatch> matches(String accountId, String holderName, String nameKey, String runId) {
        Set<ListedName> candidates = new HashSet<>();
        for (String word : NameKeys.words(nameKey)) {
            List<ListedName> named = byWord.get(word);
            if (named != null && named.size() <= COMMON_WORD) {
                candidates.addAll(named);
            }
        }
        Map<String, NameMatch> best = new LinkedHashMap<>();
        for (ListedName candidate : candidates) {
            double score = NameKeys.similarity(nameKey, candidate.key());
            if (score < threshold) {
                continue;
            }
            String entry = candidate.list() + '\n' + candidate.entryUid();
            NameMatch found = new NameMatch(
                    accountId,
                    holderName,
                    candidate.list(),
                    candidate.entryUid(),
                    candidate.name(),
                    BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_UP),
                    runId,
                    null);
            NameMatch before = best.get(entry);
            if (before == null || before.score().compareTo(found.score()) < 0) {
                best.put(entry, found);
            }
        }
        return new ArrayList<>(best.values());
    }
}

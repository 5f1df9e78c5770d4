package io.holdfast.command.screening;

import com.ibm.icu.text.Transliterator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * How names are compared: written in Latin letters whatever the script (ICU's transliteration,
 * so {@code 박진혁} and {@code Пак Чин Хёк} become comparable with {@code PARK Jin Hyok}), without
 * accents, case or punctuation, words in alphabetical order (so {@code PARK, Jin Hyok} and
 * {@code Jin Hyok Park} are the same name); similarity is Jaro-Winkler over those keys.
 */
final class NameKeys {

    private static final ThreadLocal<Transliterator> TO_LATIN_ASCII =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

    private NameKeys() {}

    static String keyOf(String name) {
        String latin = TO_LATIN_ASCII.get().transliterate(name).toLowerCase(Locale.ROOT);
        String[] words = latin.replaceAll("[^a-z0-9]+", " ").strip().split(" ");
        Arrays.sort(words);
        return String.join(" ", words).strip();
    }

    static List<String> words(String key) {
        return key.isEmpty() ? List.of() : List.of(key.split(" "));
    }

    /** 1.0 for the same key, towards 0 for names that share little. */
    static double similarity(String key, String otherKey) {
        return SIMILARITY.apply(key, otherKey);
    }
}

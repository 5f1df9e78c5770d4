package io.holdfast.query.readmodel;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class InClauseTest {

    @Test
    void everyKeyIsAskedForInStatementsWhoseSizesArePowersOfTwo() {
        for (int count : new int[]{1, 2, 3, 5, 100, 511, 512, 513, 1000, 1300}) {
            List<String> keys = IntStream.range(0, count).mapToObj(i -> "CASE-" + i).toList();
            List<List<String>> chunks = InClause.chunks(keys);

            Set<String> asked = new LinkedHashSet<>();
            for (List<String> chunk : chunks) {
                assertThat(Integer.bitCount(chunk.size())).as("size %d of a statement for %d keys", chunk.size(), count).isEqualTo(1);
                assertThat(chunk.size()).isLessThanOrEqualTo(InClause.KEYS_PER_STATEMENT);
                assertThat(InClause.of(chunk)).startsWith("(?").endsWith("?)").hasSize(3 * chunk.size());
                asked.addAll(chunk);
            }
            assertThat(asked).containsExactlyElementsOf(keys);
        }
    }

    @Test
    void noKeysAskNothing() {
        assertThat(InClause.chunks(List.of())).isEmpty();
    }
}

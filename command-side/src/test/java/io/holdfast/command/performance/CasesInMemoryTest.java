package io.holdfast.command.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The cases a node keeps in memory between commands. */
class CasesInMemoryTest {

    @Test
    void aCaseKeptIsStillThereAfterTheCollectorsPass() {
        CasesInMemory cases = new CasesInMemory(10);
        cases.put("case-1", new Object());

        System.gc();

        assertThat(cases.containsKey("case-1")).isTrue();
        assertThat((Object) cases.get("case-1")).isNotNull();
    }

    @Test
    void noMoreCasesAreKeptThanConfigured() {
        CasesInMemory cases = new CasesInMemory(10);

        IntStream.range(0, 1_000).forEach(i -> cases.put("case-" + i, new Object()));

        assertThat(cases.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void aCaseDroppedAfterAFailedCommandIsGone() {
        CasesInMemory cases = new CasesInMemory(10);
        cases.put("case-1", new Object());

        assertThat(cases.remove("case-1")).isTrue();
        assertThat(cases.containsKey("case-1")).isFalse();
        assertThat(cases.putIfAbsent("case-1", new Object())).isTrue();
        assertThat(cases.putIfAbsent("case-1", new Object())).isFalse();
    }
}

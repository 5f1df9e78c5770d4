package io.holdfast.app.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.storage.TokenStoreContract;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a projection's position costs Holdfast to store after each batch, in a transaction of its own
 * as a batch has: Axon's JPA token store against the JDBC one Holdfast uses, side by side in one JVM
 * on real PostgreSQL (A B A B …, medians of this thread's CPU time, the database's own work not
 * counted). Not part of the normal test run (its name does not end in Test); run it with
 * {@code mvn -pl app -am test -Dtest=TokenStoreBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class TokenStoreBenchmark {

    private static final int ROUNDS = 7;
    private static final int STORES_PER_ROUND = 5_000;
    private static final String NODE = "benchmark-node";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void jpaAgainstJdbc() {
        try (ConfigurableApplicationContext holdfast =
                PostgresSupport.start(PostgresSupport.newDatabase(), "--holdfast.node-id=" + NODE)) {
            TransactionTemplate transaction =
                    new TransactionTemplate(holdfast.getBean(PlatformTransactionManager.class));
            TokenStore jdbc = holdfast.getBean(TokenStore.class);
            TokenStore jpa = TokenStoreContract.jpaTokenStoreOfEarlierReleases(holdfast, NODE);
            claim(transaction, jpa, "bench-jpa");
            claim(transaction, jdbc, "bench-jdbc");

            List<Double> jpaMicros = new ArrayList<>();
            List<Double> jdbcMicros = new ArrayList<>();
            int next = 0;
            for (int round = 0; round <= ROUNDS; round++) {
                double a = microsEach(
                        next,
                        i -> transaction.executeWithoutResult(status ->
                                jpa.storeToken(GapAwareTrackingToken.newInstance(i, Set.of()), "bench-jpa", 0)));
                next += STORES_PER_ROUND;
                double b = microsEach(
                        next,
                        i -> transaction.executeWithoutResult(status ->
                                jdbc.storeToken(GapAwareTrackingToken.newInstance(i, Set.of()), "bench-jdbc", 0)));
                next += STORES_PER_ROUND;
                if (round > 0) { // the first round warms both up
                    jpaMicros.add(a);
                    jdbcMicros.add(b);
                }
            }
            TrackingToken lastStored = transaction.execute(status -> jdbc.fetchToken("bench-jdbc", 0));
            assertThat(lastStored).isEqualTo(GapAwareTrackingToken.newInstance(next - 1, Set.of()));
            double jpaMedian = median(jpaMicros);
            double jdbcMedian = median(jdbcMicros);
            System.out.printf(
                    "%nTOKEN STORE BENCHMARK (%d positions stored per round, %d rounds, A B alternating)%n",
                    STORES_PER_ROUND, ROUNDS);
            System.out.printf(
                    "  Axon's JPA token store, µs of CPU per position stored (with its transaction) %s, median %.1f%n",
                    rounded(jpaMicros), jpaMedian);
            System.out.printf(
                    "  JDBC token store (Holdfast), µs of CPU per position stored (with its transaction) %s, median %.1f%n",
                    rounded(jdbcMicros), jdbcMedian);
            System.out.printf("  JDBC / JPA = %.2f%n%n", jdbcMedian / jpaMedian);
            assertThat(jpaMedian).isPositive();
            assertThat(jdbcMedian).isPositive();
        }
    }

    private static void claim(TransactionTemplate transaction, TokenStore store, String projection) {
        transaction.executeWithoutResult(status -> {
            store.initializeTokenSegments(projection, 1);
            store.fetchToken(projection, 0);
        });
    }

    private static double microsEach(int first, IntConsumer store) {
        long started = THREADS.getCurrentThreadCpuTime();
        for (int i = first; i < first + STORES_PER_ROUND; i++) {
            store.accept(i);
        }
        return (THREADS.getCurrentThreadCpuTime() - started) / 1_000.0 / STORES_PER_ROUND;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static List<String> rounded(List<Double> values) {
        return values.stream().map(value -> String.format("%.1f", value)).toList();
    }
}

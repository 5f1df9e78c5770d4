package io.holdfast.app.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FlagReason;
import io.holdfast.kernel.Role;
import io.holdfast.kernel.Subject;
import io.holdfast.kernel.freezecase.AddNote;
import io.holdfast.kernel.freezecase.FlagAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * JPA against JDBC storage engine on real PostgreSQL, side by side in one run (A B A B …, medians
 * reported). Not part of the normal test run (its name does not end in Test); run it with
 * {@code mvn -pl app -am test -Dtest=StorageEngineBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class StorageEngineBenchmark {

    private static final int ROUNDS = 3;
    private static final int CASES = 100;
    private static final int NOTES_PER_CASE = 9;
    private static final int CLIENTS = 4;

    @Test
    void jpaAgainstJdbc() throws Exception {
        String jpaDatabase = PostgresSupport.newDatabase();
        String jdbcDatabase = PostgresSupport.newDatabase();
        List<Double> jpa = new ArrayList<>();
        List<Double> jdbc = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            jpa.add(commandsPerSecond(jpaDatabase, "jpa", round));
            jdbc.add(commandsPerSecond(jdbcDatabase, "jdbc", round));
        }
        double jpaMedian = median(jpa);
        double jdbcMedian = median(jdbc);
        System.out.printf(
                "%nSTORAGE ENGINE BENCHMARK (%d commands per round, %d clients, %d rounds)%n",
                CASES * (1 + NOTES_PER_CASE), CLIENTS, ROUNDS);
        System.out.printf("  JPA  commands/s per round %s, median %.0f%n", jpa, jpaMedian);
        System.out.printf("  JDBC commands/s per round %s, median %.0f%n", jdbc, jdbcMedian);
        System.out.printf("  JDBC / JPA = %.2f%n%n", jdbcMedian / jpaMedian);
        assertThat(jpaMedian).isPositive();
        assertThat(jdbcMedian).isPositive();
    }

    private static double commandsPerSecond(String database, String engine, int round) throws Exception {
        try (ConfigurableApplicationContext context =
                PostgresSupport.start(database, "--holdfast.event-store.engine=" + engine)) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            Actor officer = Actor.of("officer", Role.OFFICER);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            long started = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int first = client;
                work.add(clients.submit(() -> {
                    for (int i = first; i < CASES; i += CLIENTS) {
                        CaseId caseId = CaseId.of(engine + "-" + round + "-" + i);
                        commands.sendAndWait(new FlagAccount(
                                caseId,
                                AccountId.of("ACC-" + i),
                                new Subject("K", List.of()),
                                FlagReason.internalInvestigation(null),
                                List.of(),
                                officer));
                        for (int note = 0; note < NOTES_PER_CASE; note++) {
                            commands.sendAndWait(new AddNote(caseId, "note " + note, officer));
                        }
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            clients.shutdown();
            return Math.round(CASES * (1 + NOTES_PER_CASE) / seconds);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}

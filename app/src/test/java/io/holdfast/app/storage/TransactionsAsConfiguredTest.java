package io.holdfast.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.HoldfastApplication;
import java.nio.file.Path;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Holdfast as shipped: a query is answered outside any database transaction, a command inside one. */
class TransactionsAsConfiguredTest {

    @TempDir
    Path dataDir;

    @Test
    void aQueryReadsWithoutATransactionAndACommandWritesInOne() throws Exception {
        try (ConfigurableApplicationContext holdfast = new SpringApplicationBuilder(
                        HoldfastApplication.class, Probe.class)
                .run("--holdfast.data-dir=" + dataDir, "--server.port=0")) {
            QueryGateway queries = holdfast.getBean(QueryGateway.class);
            CommandGateway commands = holdfast.getBean(CommandGateway.class);

            assertThat(queries.query(new InATransaction(), Boolean.class).get()).isFalse();
            assertThat(commands.<Boolean>sendAndWait(new WriteInATransaction())).isTrue();
        }
    }

    record InATransaction() {}

    record WriteInATransaction() {}

    static class Probe {

        @QueryHandler
        Boolean handle(InATransaction query) {
            return TransactionSynchronizationManager.isActualTransactionActive();
        }

        @CommandHandler
        Boolean handle(WriteInATransaction command) {
            return TransactionSynchronizationManager.isActualTransactionActive();
        }
    }
}

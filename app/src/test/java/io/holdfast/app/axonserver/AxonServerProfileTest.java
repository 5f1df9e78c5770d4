package io.holdfast.app.axonserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.HoldfastApplication;
import io.holdfast.app.http.TestLedgerKey;
import io.holdfast.app.http.TestTokens;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Profile {@code axonserver} wires the Axon Server event store and the command and query buses
 * that route through the server. No server runs here: the connector keeps trying in the
 * background, which is enough to see the wiring.
 */
class AxonServerProfileTest {

    @TempDir
    Path dataDir;

    @Test
    void theProfileRoutesEventsCommandsAndQueriesThroughAxonServer() {
        try (ConfigurableApplicationContext context =
                start("--axon.axonserver.context=holdfast-test", "--axon.axonserver.token=secret-token")) {
            assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
            AxonServerConfiguration server = context.getBean(AxonServerConfiguration.class);
            assertThat(server.getServers()).isEqualTo("127.0.0.1:18124");
            assertThat(server.getContext()).isEqualTo("holdfast-test");
            assertThat(server.getToken()).isEqualTo("secret-token");
        }
    }

    @Test
    void unsetTheContextIsTheOneStandardEditionServes() {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(AxonServerConfiguration.class).getContext())
                    .isEqualTo("default");
        }
    }

    /** The profile pointed at a loopback port where no server listens, with the given settings added. */
    private ConfigurableApplicationContext start(String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--holdfast.data-dir=" + dataDir,
                "--server.port=0",
                "--axon.axonserver.servers=127.0.0.1:18124",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + TestTokens.publicKeyLocation(),
                TestLedgerKey.argument()));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(HoldfastApplication.class)
                .profiles("axonserver")
                .run(arguments.toArray(String[]::new));
    }
}

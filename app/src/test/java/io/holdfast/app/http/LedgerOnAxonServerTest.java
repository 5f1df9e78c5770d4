package io.holdfast.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.axonserver.AgainstAxonServer;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link LedgerHttpTest} against a real Axon Server, when one is named (see {@link AgainstAxonServer}):
 * the events the ledger is built from come from the server, positioned by its global sequence.
 */
@AgainstAxonServer
@TestPropertySource(properties = "holdfast.test.mode=ledger-on-axon-server")
class LedgerOnAxonServerTest extends LedgerHttpTest {

    @Test
    void theSuiteRunsThroughAxonServer(@Autowired CommandBus commands, @Autowired QueryBus queries) {
        assertThat(commands).isInstanceOf(AxonServerCommandBus.class);
        assertThat(queries).isInstanceOf(AxonServerQueryBus.class);
    }
}

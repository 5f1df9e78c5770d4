package io.holdfast.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.axonserver.AxonServerWire;
import io.holdfast.app.axonserver.OverAxonServerWire;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link LedgerHttpTest} with the case, its history and every refusal crossing Axon Server's wire:
 * the evidence bundle reads the case view and the history through queries.
 */
@OverAxonServerWire
@TestPropertySource(properties = "holdfast.test.mode=ledger-over-axon-server-wire")
class LedgerOverAxonServerWireTest extends LedgerHttpTest {

    @Test
    void theSuiteRunsOverTheWire(@Autowired CommandBus commands, @Autowired QueryBus queries) {
        assertThat(commands).isInstanceOf(AxonServerWire.Commands.class);
        assertThat(queries).isInstanceOf(AxonServerWire.Queries.class);
    }
}

package io.holdfast.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.axonserver.AxonServerWire;
import io.holdfast.app.axonserver.OverAxonServerWire;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link ConcurrencyHttpTest} with every command, query and answer crossing Axon Server's wire ({@link OverAxonServerWire}). */
@OverAxonServerWire
class ConcurrencyOverAxonServerWireTest extends ConcurrencyHttpTest {

    @Test
    void theSuiteRunsOverTheWire(@Autowired CommandBus commands, @Autowired QueryBus queries) {
        assertThat(commands).isInstanceOf(AxonServerWire.Commands.class);
        assertThat(queries).isInstanceOf(AxonServerWire.Queries.class);
    }
}

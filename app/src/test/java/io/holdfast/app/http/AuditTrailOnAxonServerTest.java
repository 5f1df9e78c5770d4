package io.holdfast.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.axonserver.AgainstAxonServer;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link AuditTrailHttpTest} against a real Axon Server, when one is named (see {@link AgainstAxonServer}). */
@AgainstAxonServer
class AuditTrailOnAxonServerTest extends AuditTrailHttpTest {

    /** The events live in Axon Server, which only appends; Holdfast's database holds none of them to change. */
    @Override
    protected void assertTheEventStoreRefusesChanges(String caseId) {
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, caseId))
                .isZero();
        assertThat(eventStore).isInstanceOf(AxonServerEventStore.class);
    }

    @Autowired
    EventStore eventStore;

    @Test
    void theSuiteRunsThroughAxonServer(@Autowired CommandBus commands, @Autowired QueryBus queries) {
        assertThat(commands).isInstanceOf(AxonServerCommandBus.class);
        assertThat(queries).isInstanceOf(AxonServerQueryBus.class);
    }
}

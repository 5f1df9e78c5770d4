package io.holdfast.query.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FollowedEventsTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final FollowedEvents events = new FollowedEvents(store);

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void untilSentElsewhereTheProjectionsFollowTheEventStore() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            store.publish(GenericEventMessage.asEventMessage("flagged"));

            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("flagged");
        }
    }

    @Test
    void sentToTheStoreTheStreamsOpenOnTheEventStoreEndAndNewOnesReadTheStore() throws Exception {
        store.publish(GenericEventMessage.asEventMessage("first"));
        BlockingStream<TrackedEventMessage<?>> before = events.openStream(null);
        assertThat(before.hasNextAvailable()).isTrue();

        InMemoryEventStorageEngine elsewhere = new InMemoryEventStorageEngine();
        elsewhere.appendEvents(GenericEventMessage.asEventMessage("as the store holds it"));
        events.readFromTheStoreFromNowOn(new EventsReadFromTheStore(elsewhere, Duration.ofMillis(10)));

        assertThatThrownBy(before::hasNextAvailable).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(before::nextAvailable).isInstanceOf(IllegalStateException.class);
        try (BlockingStream<TrackedEventMessage<?>> after = events.openStream(null)) {
            assertThat(after.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
            assertThat(after.nextAvailable().getPayload()).isEqualTo("as the store holds it");
            assertThat(after.hasNextAvailable(30, TimeUnit.MILLISECONDS)).isFalse();
            elsewhere.appendEvents(GenericEventMessage.asEventMessage("later"));
            assertThat(after.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
            assertThat(after.nextAvailable().getPayload()).isEqualTo("later");
        }
    }
}

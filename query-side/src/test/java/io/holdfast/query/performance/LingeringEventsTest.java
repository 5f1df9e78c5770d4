package io.holdfast.query.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LingeringEventsTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final List<Long> pauses = new ArrayList<>();
    private final LingeringEvents events = new LingeringEvents(store, Duration.ofMillis(5), pauses::add);

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void anEventArrivingOnAQuietStreamIsFollowedByALingerSoTheCommandsCommittingWithItShareTheBatch() throws Exception {
        StreamableMessageSource<TrackedEventMessage<?>> quietThenOne = from -> new BlockingStream<>() {
            private boolean arrived;

            @Override
            public boolean hasNextAvailable(int timeout, TimeUnit unit) {
                // nothing there when asked without waiting; an event arrives while it waits
                arrived |= timeout > 0;
                return arrived;
            }

            @Override
            public Optional<TrackedEventMessage<?>> peek() {
                return Optional.empty();
            }

            @Override
            public TrackedEventMessage<?> nextAvailable() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {}
        };
        LingeringEvents lingering = new LingeringEvents(quietThenOne, Duration.ofMillis(5), pauses::add);
        try (BlockingStream<TrackedEventMessage<?>> stream = lingering.openStream(null)) {
            assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.hasNextAvailable()).isTrue();

            assertThat(pauses).containsExactly(Duration.ofMillis(5).toNanos());
        }
    }

    @Test
    void aStreamThatAlreadyHoldsEventsAsInARebuildNeverWaits() throws Exception {
        store.publish(GenericEventMessage.asEventMessage("first"), GenericEventMessage.asEventMessage("second"));
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            stream.nextAvailable();
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.hasNextAvailable()).isTrue();

            assertThat(pauses).isEmpty();
        }
    }

    @Test
    void aQuietStreamAskedWithoutWaitingAnswersAtOnce() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            assertThat(stream.hasNextAvailable()).isFalse();
            assertThat(stream.hasNextAvailable(10, TimeUnit.MILLISECONDS)).isFalse();

            assertThat(pauses).isEmpty();
        }
    }

    @Test
    void noLingerIsTheEventStoresOwnStream() {
        LingeringEvents immediate = new LingeringEvents(store, Duration.ZERO, pauses::add);
        try (BlockingStream<TrackedEventMessage<?>> stream = immediate.openStream(null)) {
            assertThat(stream.getClass().getSimpleName()).doesNotContain("Lingering");
        }
    }
}

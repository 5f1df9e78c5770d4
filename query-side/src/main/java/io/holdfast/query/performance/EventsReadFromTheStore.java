package io.holdfast.query.performance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Event streams that each read the store itself, asking it again every {@code poll} while they have
 * nothing: what the projections follow once the embedded store has lost commits it had already shown
 * (see {@link FollowedEvents#readFromTheStoreFromNowOn}), since the event store's shared cache may
 * still hold those commits' events and lack the ones that took their places.
 */
public final class EventsReadFromTheStore implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final int BATCH = 1_000;

    private final EventStorageEngine store;
    private final Duration poll;

    public EventsReadFromTheStore(EventStorageEngine store, Duration poll) {
        this.store = store;
        this.poll = poll;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
        return new FromTheStore(from);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant at) {
        return store.createTokenAt(at);
    }

    private final class FromTheStore implements BlockingStream<TrackedEventMessage<?>> {

        private final Deque<TrackedEventMessage<?>> read = new ArrayDeque<>();
        private TrackingToken readUpTo;

        private FromTheStore(TrackingToken from) {
            this.readUpTo = from;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                if (!read.isEmpty() || readMore()) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(left, poll.toNanos()));
            }
        }

        private boolean readMore() {
            try (Stream<? extends TrackedEventMessage<?>> events = store.readEvents(readUpTo, false)) {
                events.limit(BATCH).forEach(read::add);
            }
            if (read.isEmpty()) {
                return false;
            }
            readUpTo = read.peekLast().trackingToken();
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return read.isEmpty() && !readMore() ? Optional.empty() : Optional.of(read.peekFirst());
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                // nothing yet: keep asking
            }
            return read.pollFirst();
        }

        @Override
        public void close() {
            read.clear();
        }
    }
}

package io.holdfast.query.performance;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The events every projection follows: the event store's, until {@link #readFromTheStoreFromNowOn}
 * sends them all elsewhere at once. Then the streams already open end at their next use, and each
 * projection, trying again as after any failure, opens its stream on the new source.
 */
public final class FollowedEvents implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final AtomicReference<StreamableMessageSource<TrackedEventMessage<?>>> events;
    private final AtomicLong generation = new AtomicLong();

    public FollowedEvents(StreamableMessageSource<TrackedEventMessage<?>> events) {
        this.events = new AtomicReference<>(events);
    }

    /** From now on every stream reads from {@code instead}; those open end with a failure at their next use. */
    public void readFromTheStoreFromNowOn(StreamableMessageSource<TrackedEventMessage<?>> instead) {
        events.set(instead);
        generation.incrementAndGet();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
        return new Followed(events.get().openStream(from), generation);
    }

    @Override
    public TrackingToken createTailToken() {
        return events.get().createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return events.get().createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant at) {
        return events.get().createTokenAt(at);
    }

    @Override
    public TrackingToken createTokenSince(Duration since) {
        return events.get().createTokenSince(since);
    }

    private static final class Followed implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final AtomicLong generation;
        private final long openedIn;

        private Followed(BlockingStream<TrackedEventMessage<?>> stream, AtomicLong generation) {
            this.stream = stream;
            this.generation = generation;
            this.openedIn = generation.get();
        }

        private void stillFollowed() {
            if (generation.get() != openedIn) {
                throw new IllegalStateException(
                        "this event stream was opened on a source projections no longer follow; it is opened again");
            }
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            stillFollowed();
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            stillFollowed();
            return stream.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            stillFollowed();
            return stream.nextAvailable();
        }

        @Override
        public void close() {
            stream.close();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignored) {
            stream.skipMessagesWithPayloadTypeOf(ignored);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }
    }
}

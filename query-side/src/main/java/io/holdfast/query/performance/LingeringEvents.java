package io.holdfast.query.performance;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event stream the read-model projections follow, lingering a moment after an event arrives on
 * a stream that had none, so the events of commands committing at the same time are taken in the same
 * batch: one transaction and one position update for them in each projection instead of one each
 * (a projection's commit per command was most of the commits a command cost). A stream that already
 * holds events, as in a rebuild, never waits. A projection's lag grows by at most the linger.
 */
public final class LingeringEvents implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** Waiting, as a test can count it. */
    interface Pause {
        void nanos(long nanos) throws InterruptedException;
    }

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final Duration linger;
    private final Pause pause;

    public LingeringEvents(StreamableMessageSource<TrackedEventMessage<?>> events, Duration linger) {
        this(events, linger, TimeUnit.NANOSECONDS::sleep);
    }

    LingeringEvents(StreamableMessageSource<TrackedEventMessage<?>> events, Duration linger, Pause pause) {
        this.events = events;
        this.linger = linger;
        this.pause = pause;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
        BlockingStream<TrackedEventMessage<?>> stream = events.openStream(from);
        return linger.isZero() ? stream : new Lingering(stream, linger.toNanos(), pause);
    }

    @Override
    public TrackingToken createTailToken() {
        return events.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return events.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant at) {
        return events.createTokenAt(at);
    }

    @Override
    public TrackingToken createTokenSince(Duration since) {
        return events.createTokenSince(since);
    }

    private static final class Lingering implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final long lingerNanos;
        private final Pause pause;

        private Lingering(BlockingStream<TrackedEventMessage<?>> stream, long lingerNanos, Pause pause) {
            this.stream = stream;
            this.lingerNanos = lingerNanos;
            this.pause = pause;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (timeout <= 0 || stream.hasNextAvailable(0, TimeUnit.NANOSECONDS)) {
                return stream.hasNextAvailable(timeout, unit);
            }
            if (!stream.hasNextAvailable(timeout, unit)) {
                return false;
            }
            pause.nanos(lingerNanos);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
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

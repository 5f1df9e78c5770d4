package io.holdfast.query.performance;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers a projection's writes for all the events of one processor batch and writes them together
 * when the batch commits: a few statements per batch instead of several round trips per event,
 * which is what a replay of a million events waits on.
 * <p>
 * Outside a processor batch (a parked event retried, a test) each event is written alone, inside a
 * savepoint. If writing a batch fails, the processor rolls it back and tries again; the events up
 * to that batch's last position are then written one by one, each in its own savepoint, so that
 * only the event at fault fails and is parked in the dead-letter queue, and the rest go on.
 *
 * @param <B> the projection's gathered writes
 */
public final class BatchedWrites<B extends BatchedWrites.Batch> {

    /** What a projection gathers from the events of a batch and then writes in one go. */
    public interface Batch {
        void write();
    }

    private static final Logger log = LoggerFactory.getLogger(BatchedWrites.class);

    private final String projection;
    private final Supplier<B> newBatch;
    private final ReadModelWrites alone;
    private final String resourceKey;
    private final AtomicLong oneByOneUpTo = new AtomicLong(-1);

    public BatchedWrites(String projection, Supplier<B> newBatch, ReadModelWrites alone) {
        this.projection = projection;
        this.newBatch = newBatch;
        this.alone = alone;
        this.resourceKey = BatchedWrites.class.getName() + "/" + projection;
    }

    /** Adds the event's writes to its batch, or writes them at once when the event must stand alone. */
    public void add(EventMessage<?> message, Consumer<B> gather) {
        long position = position(message);
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get() : null;
        if (!(unitOfWork instanceof BatchingUnitOfWork<?>) || position < 0 || position <= oneByOneUpTo.get()) {
            alone.apply(() -> {
                B batch = newBatch.get();
                gather.accept(batch);
                batch.write();
            });
            return;
        }
        Gathered<B> gathered = unitOfWork.getOrComputeResource(resourceKey, key -> {
            Gathered<B> fresh = new Gathered<>(newBatch.get());
            unitOfWork.onPrepareCommit(committing -> write(fresh));
            return fresh;
        });
        gathered.lastPosition = Math.max(gathered.lastPosition, position);
        gathered.events++;
        gather.accept(gathered.batch);
    }

    /** After a reset the projection starts from the first event again: an earlier failed batch says nothing about it. */
    public void forgetFailures() {
        oneByOneUpTo.set(-1);
    }

    private void write(Gathered<B> gathered) {
        try {
            gathered.batch.write();
        } catch (RuntimeException failure) {
            oneByOneUpTo.accumulateAndGet(gathered.lastPosition, Math::max);
            log.warn(
                    "projection {} could not write a batch of {} events together ({}); it writes them one by one on its "
                            + "next try, so that only the event at fault is parked",
                    projection,
                    gathered.events,
                    failure.toString());
            throw failure;
        }
    }

    private static long position(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            return tracked.trackingToken().position().orElse(-1L);
        }
        return -1L;
    }

    private static final class Gathered<B> {
        private final B batch;
        private long lastPosition = -1;
        private int events;

        private Gathered(B batch) {
            this.batch = batch;
        }
    }
}

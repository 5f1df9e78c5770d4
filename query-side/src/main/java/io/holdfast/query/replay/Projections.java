package io.holdfast.query.replay;

import io.holdfast.kernel.NothingFound;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Operates the read-model projections: rebuilding one from the event store (its reset handler
 * empties its tables, then it reads every event again while the API keeps serving), and the events
 * parked in their dead-letter queues.
 */
@Component
public class Projections {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);
    private static final int MAX_SEQUENCES_PER_RETRY = 1_000;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    Projections(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    public ReplayStatus replay(String name) {
        StreamingEventProcessor processor = processor(name);
        log.info("replaying projection {} from the event store", name);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return status(name);
    }

    public ReplayStatus status(String name) {
        StreamingEventProcessor processor = processor(name);
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        boolean replaying = segments.isEmpty() || segments.values().stream().anyMatch(Projections::stillReplaying);
        long position = segments.values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min()
                .orElse(-1L);
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? -1L : head.position().orElse(-1L);
        return new ReplayStatus(name, replaying ? "REPLAYING" : "LIVE", position, headPosition);
    }

    /**
     * Axon keeps a segment "replaying" until the first event after the reset point arrives; for an
     * operator the replay is over once the segment has reached the point where it was reset.
     */
    private static boolean stillReplaying(EventTrackerStatus segment) {
        if (!segment.isReplaying()) {
            return false;
        }
        OptionalLong reset = segment.getResetPosition();
        OptionalLong current = segment.getCurrentPosition();
        return reset.isEmpty() || current.isEmpty() || current.getAsLong() < reset.getAsLong();
    }

    public List<ParkedEvent> parked() {
        List<ParkedEvent> parked = new ArrayList<>();
        for (String name : processing.eventProcessors().keySet()) {
            processing.deadLetterQueue(name).ifPresent(queue -> collect(name, queue, parked));
        }
        return parked;
    }

    public RetryOutcome retry(String name) {
        processor(name);
        SequencedDeadLetterProcessor<EventMessage<?>> retrier = processing
                .sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> new NothingFound("projection " + name + " parks no events"));
        int retried = 0;
        while (retried < MAX_SEQUENCES_PER_RETRY && retrier.processAny()) {
            retried++;
        }
        long stillParked = processing
                .deadLetterQueue(name)
                .map(SequencedDeadLetterQueue::size)
                .orElse(0L);
        return new RetryOutcome(name, retried, stillParked);
    }

    private static void collect(
            String name, SequencedDeadLetterQueue<EventMessage<?>> queue, List<ParkedEvent> parked) {
        int sequence = 0;
        for (Iterable<DeadLetter<? extends EventMessage<?>>> letters : queue.deadLetters()) {
            sequence++;
            for (DeadLetter<? extends EventMessage<?>> letter : letters) {
                EventMessage<?> message = letter.message();
                String caseId =
                        message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
                String cause =
                        letter.cause().map(c -> c.type() + ": " + c.message()).orElse(null);
                parked.add(new ParkedEvent(
                        name,
                        caseId == null ? "sequence-" + sequence : caseId,
                        message.getIdentifier(),
                        message.getPayloadType().getSimpleName(),
                        caseId,
                        cause,
                        letter.enqueuedAt(),
                        letter.lastTouched()));
            }
        }
    }

    private StreamingEventProcessor processor(String name) {
        return processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NothingFound("there is no projection named " + name));
    }
}

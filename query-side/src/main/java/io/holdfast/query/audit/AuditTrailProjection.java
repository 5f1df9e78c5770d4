package io.holdfast.query.audit;

import io.holdfast.kernel.audit.AuditEntry;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.query.performance.BatchedWrites;
import io.holdfast.query.performance.ReadModelWrites;
import io.holdfast.query.readmodel.CaseParties;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Appends one row per case event to the audit trail, with the payload and metadata exactly as the
 * event store holds them, chained to the case's previous row by hash. A row already there is never
 * touched again, so an event seen twice changes nothing; a replay rebuilds the same rows. The rows
 * of a processor batch are chained in memory and inserted together when the batch commits
 * ({@link BatchedWrites}).
 */
@Component
@ProcessingGroup(AuditTrailProjection.PROCESSING_GROUP)
class AuditTrailProjection {

    static final String PROCESSING_GROUP = "audit-trail";

    private final AuditRepository audit;
    private final Serializer eventSerializer;
    private final BatchedWrites<Rows> writes;
    private final ApplicationEventPublisher resets;

    AuditTrailProjection(
            AuditRepository audit,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            ReadModelWrites writes,
            ApplicationEventPublisher resets) {
        this.audit = audit;
        this.resets = resets;
        this.eventSerializer = eventSerializer;
        this.writes = new BatchedWrites<>(PROCESSING_GROUP, Rows::new, writes);
    }

    /**
     * The payload is hashed as stored, not as read back: a replay reads a million events, and only
     * the few that make an agency party to a case are deserialized.
     */
    @EventHandler(payloadType = CaseEvent.class)
    void on(DomainEventMessage<?> message) {
        writes.add(message, rows -> rows.add(message));
    }

    @ResetHandler
    void reset() {
        audit.truncate();
        writes.forgetFailures();
        resets.publishEvent(new AuditTrailReset());
    }

    static AuditEntry withHash(AuditEntry entry, String hash) {
        return new AuditEntry(
                entry.caseId(),
                entry.sequence(),
                entry.globalIndex(),
                entry.eventId(),
                entry.type(),
                entry.payloadType(),
                entry.revision(),
                entry.occurredAt(),
                entry.actor(),
                entry.role(),
                entry.agency(),
                entry.correlationId(),
                entry.payload(),
                entry.metadata(),
                entry.previousHash(),
                hash,
                null);
    }

    /** A batch's events, chained to their cases' newest rows and inserted together. */
    private final class Rows implements BatchedWrites.Batch {

        private final List<DomainEventMessage<?>> pending = new ArrayList<>();

        void add(DomainEventMessage<?> message) {
            pending.add(message);
        }

        @Override
        public void write() {
            Set<String> cases = new LinkedHashSet<>();
            pending.forEach(message -> cases.add(message.getAggregateIdentifier()));
            Map<String, AuditRepository.ChainEnd> ends = audit.chainEnds(cases);
            Map<String, Long> globalIndexes = audit.storedGlobalIndexes(
                    pending.stream().map(DomainEventMessage::getIdentifier).toList());
            List<AuditRepository.NewEntry> entries = new ArrayList<>();
            List<CaseEvent> parties = new ArrayList<>();
            for (DomainEventMessage<?> message : pending) {
                String caseId = message.getAggregateIdentifier();
                long sequence = message.getSequenceNumber();
                AuditRepository.ChainEnd end = ends.get(caseId);
                String previousHash;
                if (end != null && sequence <= end.sequence()) {
                    // at or behind the chain's end: seen before, or filling a hole left earlier (asked one by one)
                    if (sequence == end.sequence() || audit.contains(caseId, sequence)) {
                        continue;
                    }
                    previousHash = audit.previousHash(caseId, sequence).orElse(AuditChain.GENESIS);
                } else {
                    previousHash = end == null ? AuditChain.GENESIS : end.hash();
                }
                AuditEntry entry = entry(caseId, message, globalIndex(message, globalIndexes), previousHash);
                entries.add(new AuditRepository.NewEntry(entry, message.getTimestamp()));
                if (CaseParties.namesParty(message.getPayloadType())) {
                    parties.add((CaseEvent) message.getPayload());
                }
                if (end == null || sequence > end.sequence()) {
                    ends.put(caseId, new AuditRepository.ChainEnd(sequence, entry.hash()));
                }
            }
            audit.appendAll(entries);
            audit.recordParties(parties);
        }
    }

    private AuditEntry entry(String caseId, DomainEventMessage<?> message, long globalIndex, String previousHash) {
        SerializedObject<String> payload = message.serializePayload(eventSerializer, String.class);
        String metadata =
                message.serializeMetaData(eventSerializer, String.class).getData();
        Acting acting = Acting.from(metadata, message::getMetaData);
        AuditEntry unhashed = new AuditEntry(
                caseId,
                message.getSequenceNumber(),
                globalIndex,
                message.getIdentifier(),
                message.getPayloadType().getSimpleName(),
                // the name the event is stored under, never the Java class: a class may move, the record may not
                payload.getType().getName(),
                payload.getType().getRevision(),
                message.getTimestamp().toString(),
                acting.actor(),
                acting.role(),
                acting.agency(),
                acting.correlationId(),
                payload.getData(),
                metadata,
                previousHash,
                null,
                null);
        return withHash(unhashed, AuditChain.hash(previousHash, unhashed));
    }

    /**
     * The event's own global index. A gap-aware token's position is the highest index seen, not
     * the index of an event that fills an earlier gap, so the index is read from the store where
     * it keeps one, and the batch fails and is tried again rather than take another event's index;
     * otherwise (Axon Server, whose tokens have no gaps) the token's position is it.
     */
    private static long globalIndex(DomainEventMessage<?> message, Map<String, Long> stored) {
        Long index = stored.get(message.getIdentifier());
        if (index != null) {
            return index;
        }
        if (message instanceof TrackedEventMessage<?> tracked
                && tracked.trackingToken() instanceof GapAwareTrackingToken) {
            throw new IllegalStateException("the event store gave no global index for event "
                    + message.getIdentifier() + " of case " + message.getAggregateIdentifier()
                    + "; its audit entry waits for the next try");
        }
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            return tracked.trackingToken().position().orElse(-1L);
        }
        return -1L;
    }
}

package io.holdfast.query.audit;

import io.holdfast.kernel.audit.AuditEntry;
import io.holdfast.kernel.freezecase.CaseEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import io.holdfast.kernel.EventMetadata;
import org.springframework.beans.factory.annotation.Qualifier;
import io.holdfast.query.readmodel.ReadModelWrites;
import org.springframework.stereotype.Component;

/**
 * Appends one row per case event to the audit trail, with the payload and metadata exactly as the
 * event store holds them, chained to the case's previous row by hash. A row already there is never
 * touched again, so an event seen twice changes nothing; a replay rebuilds the same rows.
 */
@Component
@ProcessingGroup(AuditTrailProjection.PROCESSING_GROUP)
class AuditTrailProjection {

    static final String PROCESSING_GROUP = "audit-trail";

    private final AuditRepository audit;
    private final Serializer eventSerializer;
    private final ReadModelWrites writes;

    AuditTrailProjection(AuditRepository audit, @Qualifier("eventSerializer") Serializer eventSerializer,
                         ReadModelWrites writes) {
        this.audit = audit;
        this.eventSerializer = eventSerializer;
        this.writes = writes;
    }

    @EventHandler
    void on(CaseEvent event, DomainEventMessage<?> message) {
        writes.apply(() -> project(event, message));
    }

    private void project(CaseEvent event, DomainEventMessage<?> message) {
        String caseId = event.caseId().value();
        if (audit.contains(caseId, message.getSequenceNumber())) {
            return;
        }
        String previousHash = audit.previousHash(caseId, message.getSequenceNumber()).orElse(AuditChain.GENESIS);
        MetaData metaData = message.getMetaData();
        AuditEntry unhashed = new AuditEntry(caseId, message.getSequenceNumber(), globalIndex(message, audit),
                message.getIdentifier(), message.getPayloadType().getSimpleName(), message.getPayloadType().getName(),
                message.serializePayload(eventSerializer, String.class).getType().getRevision(),
                message.getTimestamp().toString(),
                text(metaData.get(EventMetadata.ACTOR)), text(metaData.get(EventMetadata.ROLE)),
                text(metaData.get(EventMetadata.AGENCY)), text(metaData.get(EventMetadata.CORRELATION_ID)),
                message.serializePayload(eventSerializer, String.class).getData(),
                message.serializeMetaData(eventSerializer, String.class).getData(),
                previousHash, null);
        AuditEntry entry = withHash(unhashed, AuditChain.hash(previousHash, unhashed));
        audit.append(entry, message.getTimestamp());
        audit.recordParties(event);
    }

    @ResetHandler
    void reset() {
        audit.truncate();
    }

    static AuditEntry withHash(AuditEntry entry, String hash) {
        return new AuditEntry(entry.caseId(), entry.sequence(), entry.globalIndex(), entry.eventId(), entry.type(),
                entry.payloadType(), entry.revision(), entry.occurredAt(), entry.actor(), entry.role(), entry.agency(),
                entry.correlationId(), entry.payload(), entry.metadata(), entry.previousHash(), hash);
    }

    /**
     * The event's own global index. A gap-aware token's position is the highest index seen, not
     * the index of an event that fills an earlier gap, so the index is read from the store where
     * it keeps one; otherwise (Axon Server, whose tokens have no gaps) the token's position is it.
     */
    private static long globalIndex(DomainEventMessage<?> message, AuditRepository audit) {
        java.util.Optional<Long> stored = audit.storedGlobalIndex(message.getIdentifier());
        if (stored.isPresent()) {
            return stored.get();
        }
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            return tracked.trackingToken().position().orElse(-1L);
        }
        return -1L;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}

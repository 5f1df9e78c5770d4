package io.holdfast.query.audit;

import io.holdfast.kernel.audit.AuditEntry;
import io.holdfast.kernel.audit.HistoryVerification;
import io.holdfast.ledger.CanonicalJson;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Verifies a case's history twice over: the rows must form an unbroken hash chain in sequence
 * order, and each row must equal the event the store holds at that sequence (id, type, time,
 * payload). An event the trail lacks counts as missing once it is older than the projection's lag
 * tolerance; younger ones are simply not yet audited.
 */
class HistoryVerifier {

    private final EventStore eventStore;
    private final Serializer eventSerializer;
    private final Duration lagTolerance;
    private final Clock clock;

    HistoryVerifier(EventStore eventStore, Serializer eventSerializer, Duration lagTolerance, Clock clock) {
        this.eventStore = eventStore;
        this.eventSerializer = eventSerializer;
        this.lagTolerance = lagTolerance;
        this.clock = clock;
    }

    HistoryVerification verify(String caseId, List<AuditEntry> rows) {
        String previousHash = AuditChain.GENESIS;
        for (int i = 0; i < rows.size(); i++) {
            AuditEntry row = rows.get(i);
            if (row.sequence() != i) {
                return invalid(caseId, rows, i, "the entry at sequence " + i + " is missing or out of place");
            }
            if (!previousHash.equals(row.previousHash())) {
                return invalid(caseId, rows, i, "the entry does not chain to the one before it");
            }
            if (!AuditChain.hash(previousHash, row).equals(row.hash())) {
                return invalid(caseId, rows, i, "the entry's content does not match its hash");
            }
            previousHash = row.hash();
        }
        List<? extends DomainEventMessage<?>> stored =
                eventStore.readEvents(caseId, 0).asStream().toList();
        for (int i = 0; i < stored.size(); i++) {
            DomainEventMessage<?> event = stored.get(i);
            if (i >= rows.size()) {
                if (event.getTimestamp().isBefore(clock.instant().minus(lagTolerance))) {
                    return invalid(caseId, rows, i, "the event store holds an event the trail lacks");
                }
                break;
            }
            if (!matches(rows.get(i), event)) {
                return invalid(caseId, rows, i, "the entry differs from the event in the event store");
            }
        }
        if (rows.size() > stored.size()) {
            return invalid(caseId, rows, stored.size(), "the trail holds an entry the event store does not");
        }
        return new HistoryVerification(
                caseId, true, rows.size(), rows.isEmpty() ? AuditChain.GENESIS : previousHash, null, null);
    }

    /**
     * The row records the event as stored: its payload, and the name it is stored under (rows written
     * before the trail recorded stored names hold the Java class name, and still match).
     */
    private boolean matches(AuditEntry row, DomainEventMessage<?> event) {
        SerializedObject<String> stored = event.serializePayload(eventSerializer, String.class);
        return row.sequence() == event.getSequenceNumber()
                && row.eventId().equals(event.getIdentifier())
                && (row.payloadType().equals(stored.getType().getName())
                        || row.payloadType().equals(event.getPayloadType().getName()))
                && row.occurredAt().equals(event.getTimestamp().toString())
                && CanonicalJson.of(row.payload()).equals(CanonicalJson.of(stored.getData()));
    }

    private static HistoryVerification invalid(String caseId, List<AuditEntry> rows, long sequence, String finding) {
        String head =
                rows.isEmpty() ? AuditChain.GENESIS : rows.get(rows.size() - 1).hash();
        return new HistoryVerification(caseId, false, rows.size(), head, sequence, finding);
    }
}

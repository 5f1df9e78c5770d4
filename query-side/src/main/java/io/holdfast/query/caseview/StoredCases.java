package io.holdfast.query.caseview;

import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.query.readmodel.CaseParties;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Whether the event store holds a case the caller may see, and at which version: asked only when a
 * read's wait ended without the case's view, to tell a case not yet projected from one that does
 * not exist. A liaison sees a case its agency is party to, as in every read.
 */
@Component
class StoredCases {

    private final EventStore events;

    StoredCases(EventStore events) {
        this.events = events;
    }

    Optional<Long> visibleVersion(CaseId caseId, AgencyCode visibleTo) {
        AtomicLong version = new AtomicLong(-1);
        AtomicBoolean party = new AtomicBoolean(visibleTo == null);
        events.readEvents(caseId.value(), 0).asStream().forEach(event -> {
            version.set(event.getSequenceNumber());
            if (!party.get() && event.getPayload() instanceof CaseEvent caseEvent) {
                party.set(visibleTo.equals(CaseParties.agencyNamedBy(caseEvent)));
            }
        });
        return version.get() >= 0 && party.get() ? Optional.of(version.get()) : Optional.empty();
    }
}

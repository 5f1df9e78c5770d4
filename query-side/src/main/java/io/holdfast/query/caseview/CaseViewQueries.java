package io.holdfast.query.caseview;

import io.holdfast.kernel.caseview.CaseView;
import io.holdfast.kernel.caseview.FindCase;
import io.holdfast.kernel.freezecase.CaseEvent;
import java.util.Iterator;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers for one case: its current view, or as it stood at an instant, rebuilt from its own events. */
@Component
class CaseViewQueries {

    private final CaseViewRepository views;
    private final CaseViewsInMemory inMemory;
    private final EventStore eventStore;

    CaseViewQueries(CaseViewRepository views, CaseViewsInMemory inMemory, EventStore eventStore) {
        this.views = views;
        this.inMemory = inMemory;
        this.eventStore = eventStore;
    }

    @QueryHandler
    CaseView handle(FindCase query) {
        CaseView view = query.asOf() == null
                ? inMemory.find(query.caseId())
                        .or(() -> views.find(query.caseId()))
                        .orElse(null)
                : asItStood(query);
        return view != null && view.isVisibleTo(query.visibleTo()) ? view : null;
    }

    private CaseView asItStood(FindCase query) {
        CaseViewDraft draft = new CaseViewDraft();
        Iterator<? extends DomainEventMessage<?>> events =
                eventStore.readEvents(query.caseId().value(), 0).asStream().iterator();
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getTimestamp().isAfter(query.asOf())) {
                break;
            }
            if (event.getPayload() instanceof CaseEvent caseEvent) {
                draft.apply(caseEvent, event.getSequenceNumber(), event.getTimestamp());
            }
        }
        return draft.exists() ? draft.toView() : null;
    }
}

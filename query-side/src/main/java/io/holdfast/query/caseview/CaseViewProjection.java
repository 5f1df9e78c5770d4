package io.holdfast.query.caseview;

import io.holdfast.kernel.caseview.CaseView;
import io.holdfast.kernel.caseview.FindCase;
import io.holdfast.kernel.freezecase.CaseEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import io.holdfast.query.readmodel.ReadModelWrites;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * Keeps every case's view (what {@code GET /api/cases/{id}} answers) and tells live subscribers
 * about each change. An event already applied (its sequence number not above the view's version)
 * changes nothing, so redelivery is harmless.
 */
@Component
@ProcessingGroup(CaseViewProjection.PROCESSING_GROUP)
class CaseViewProjection {

    static final String PROCESSING_GROUP = "case-views";

    private final CaseViewRepository views;
    private final QueryUpdateEmitter updates;
    private final ReadModelWrites writes;

    CaseViewProjection(CaseViewRepository views, QueryUpdateEmitter updates, ReadModelWrites writes) {
        this.views = views;
        this.updates = updates;
        this.writes = writes;
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        writes.apply(() -> project(event, sequence, at));
    }

    private void project(CaseEvent event, long sequence, Instant at) {
        Optional<CaseViewDraft> stored = views.draft(event.caseId());
        CaseViewDraft draft = stored.orElseGet(CaseViewDraft::new);
        if (draft.hasSeen(sequence)) {
            return;
        }
        draft.apply(event, sequence, at);
        CaseView view = draft.toView();
        views.save(view, draft.tracking(), stored.isPresent());
        updates.emit(FindCase.class,
                query -> query.asOf() == null && query.caseId().equals(view.caseId()) && view.isVisibleTo(query.visibleTo()),
                view);
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
    }
}

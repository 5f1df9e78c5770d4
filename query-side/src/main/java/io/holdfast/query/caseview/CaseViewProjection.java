package io.holdfast.query.caseview;

import io.holdfast.kernel.caseview.CaseView;
import io.holdfast.kernel.caseview.FindCase;
import io.holdfast.kernel.freezecase.CaseEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import io.holdfast.query.readmodel.BatchedWrites;
import io.holdfast.query.readmodel.ReadModelWrites;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps every case's view (what {@code GET /api/cases/{id}} answers) and tells live subscribers
 * about each change. The events of a processor batch are applied to the views in memory, each view
 * read and written once per batch ({@link BatchedWrites}). An event already applied (its sequence
 * number not above the view's version) changes nothing, so redelivery is harmless.
 */
@Component
@ProcessingGroup(CaseViewProjection.PROCESSING_GROUP)
class CaseViewProjection {

    static final String PROCESSING_GROUP = "case-views";

    private final CaseViewRepository views;
    private final QueryUpdateEmitter updates;
    private final BatchedWrites<ViewChanges> writes;

    CaseViewProjection(CaseViewRepository views, QueryUpdateEmitter updates, ReadModelWrites writes) {
        this.views = views;
        this.updates = updates;
        this.writes = new BatchedWrites<>(PROCESSING_GROUP, ViewChanges::new, writes);
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber Long sequence, @Timestamp Instant at, EventMessage<?> message) {
        writes.add(message, changes -> changes.add(event, sequence, at));
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
        writes.forgetFailures();
    }

    /** A batch's events, applied to their cases' stored views when the batch is written. */
    private final class ViewChanges implements BatchedWrites.Batch {

        private record Applied(CaseEvent event, long sequence, Instant at) {
        }

        private final List<Applied> events = new ArrayList<>();
        private final Set<String> cases = new LinkedHashSet<>();

        void add(CaseEvent event, long sequence, Instant at) {
            events.add(new Applied(event, sequence, at));
            cases.add(event.caseId().value());
        }

        @Override
        public void write() {
            Map<String, CaseViewDraft> drafts = views.drafts(cases);
            Set<String> storedBefore = Set.copyOf(drafts.keySet());
            Map<String, CaseViewDraft> changed = new LinkedHashMap<>();
            for (Applied applied : events) {
                String caseId = applied.event().caseId().value();
                CaseViewDraft draft = drafts.computeIfAbsent(caseId, id -> new CaseViewDraft());
                if (!draft.hasSeen(applied.sequence())) {
                    draft.apply(applied.event(), applied.sequence(), applied.at());
                    changed.put(caseId, draft);
                }
            }
            views.saveAll(changed.values(), storedBefore);
            for (CaseViewDraft draft : changed.values()) {
                CaseView view = draft.toView();
                updates.emit(FindCase.class,
                        query -> query.asOf() == null && query.caseId().equals(view.caseId()) && view.isVisibleTo(query.visibleTo()),
                        view);
            }
        }
    }
}

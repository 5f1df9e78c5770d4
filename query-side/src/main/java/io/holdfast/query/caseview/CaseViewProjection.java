package io.holdfast.query.caseview;

import io.holdfast.kernel.caseview.CaseView;
import io.holdfast.kernel.caseview.FindCase;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.query.performance.BatchedWrites;
import io.holdfast.query.performance.CaseEventBatch;
import io.holdfast.query.performance.CaseEventBatch.Applied;
import io.holdfast.query.performance.ReadModelWrites;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

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
    /**
     * Where Axon's tracking processor names the segment its batch is processed under. A view written without it (a
     * dead letter retried by an operator, on whichever node) was not written under this node's claim, and another
     * node may overtake it unseen: it is stored, not kept in memory.
     */
    static final String CLAIMED_SEGMENT = "Processor[" + PROCESSING_GROUP + "]/SegmentId";

    private final CaseViewRepository views;
    private final CaseViewsInMemory inMemory;
    private final QueryUpdateEmitter updates;
    private final BatchedWrites<ViewChanges> writes;

    CaseViewProjection(
            CaseViewRepository views, CaseViewsInMemory inMemory, QueryUpdateEmitter updates, ReadModelWrites writes) {
        this.views = views;
        this.inMemory = inMemory;
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
        inMemory.forgetAll();
        writes.forgetFailures();
    }

    private void tellSubscribers(CaseView view) {
        updates.emit(
                FindCase.class,
                query -> query.asOf() == null
                        && query.caseId().equals(view.caseId())
                        && view.isVisibleTo(query.visibleTo()),
                view);
    }

    /**
     * A view is kept in memory and shown to subscribers (a {@code ?minVersion=} read waiting for it) only once it is
     * committed, in that order: a reader told of it must find it, and a batch rolled back must never have been shown.
     * The emitter defers by itself only while the unit of work is still handling events, not when the batch is written
     * at its commit.
     */
    private static void afterCommit(Runnable task) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> task.run());
        } else {
            task.run();
        }
    }

    private static boolean underClaim() {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().resources().containsKey(CLAIMED_SEGMENT);
    }

    /** A batch's events, applied to their cases' stored views when the batch is written. */
    private final class ViewChanges extends CaseEventBatch {

        @Override
        public void write() {
            Map<String, CaseViewDraft> drafts = views.drafts(cases());
            Set<String> storedBefore = Set.copyOf(drafts.keySet());
            Map<String, CaseViewDraft> changed = new LinkedHashMap<>();
            for (Applied applied : events()) {
                String caseId = applied.caseId();
                CaseViewDraft draft = drafts.computeIfAbsent(caseId, id -> new CaseViewDraft());
                if (!draft.hasSeen(applied.sequence())) {
                    draft.apply(applied.event(), applied.sequence(), applied.at());
                    changed.put(caseId, draft);
                }
            }
            views.saveAll(changed.values(), storedBefore);
            List<CaseView> written =
                    changed.values().stream().map(CaseViewDraft::toView).toList();
            boolean underClaim = underClaim();
            afterCommit(() -> {
                if (underClaim) {
                    written.forEach(inMemory::remember);
                }
                written.forEach(CaseViewProjection.this::tellSubscribers);
            });
        }
    }
}

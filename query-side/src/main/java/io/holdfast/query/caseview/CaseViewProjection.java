package io.holdfast.query.caseview;

import io.holdfast.kernel.caseview.CaseView;
import io.holdfast.kernel.caseview.FindCase;
import io.holdfast.kernel.freezecase.CaseEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import io.holdfast.query.readmodel.ReadModelWrites;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps every case's view (what {@code GET /api/cases/{id}} answers) and tells live subscribers
 * about each change. An event already applied (its sequence number not above the view's version)
 * changes nothing, so redelivery is harmless.
 *
 * <p>The events of one processor batch are applied to the views in memory, each view read at most
 * once, and the views the batch changed are written together (JDBC batches) when it commits:
 * rebuilding the views costs a few statements per batch instead of four round trips per event.
 * A batch that fails writes nothing and is processed again.
 */
@Component
@ProcessingGroup(CaseViewProjection.PROCESSING_GROUP)
class CaseViewProjection {

    static final String PROCESSING_GROUP = "case-views";
    private static final String BATCH_RESOURCE = CaseViewProjection.class.getName() + ".batch";

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
        if (!CurrentUnitOfWork.isStarted()) {
            writes.apply(() -> {
                ViewsOfABatch single = new ViewsOfABatch(views);
                project(single, event, sequence, at);
                single.write();
            });
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        ViewsOfABatch touched = batch.getOrComputeResource(BATCH_RESOURCE, key -> {
            ViewsOfABatch created = new ViewsOfABatch(views);
            batch.onPrepareCommit(unitOfWork -> created.write());
            return created;
        });
        project(touched, event, sequence, at);
    }

    private void project(ViewsOfABatch batch, CaseEvent event, long sequence, Instant at) {
        CaseViewDraft draft = batch.draftOf(event.caseId());
        if (draft.hasSeen(sequence)) {
            return;
        }
        draft.apply(event, sequence, at);
        CaseView view = draft.toView();
        batch.changed(event.caseId(), draft);
        updates.emit(FindCase.class,
                query -> query.asOf() == null && query.caseId().equals(view.caseId()) && view.isVisibleTo(query.visibleTo()),
                view);
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
    }
}

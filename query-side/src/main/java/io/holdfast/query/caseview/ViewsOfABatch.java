package io.holdfast.query.caseview;

import io.holdfast.kernel.CaseId;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The case views one batch of events touches: read from the table at most once each, changed in
 * memory, written together at the end. Each event works on a copy of the view, so an event that
 * fails half-way leaves the view as the events before it made it.
 */
final class ViewsOfABatch {

    private record Touched(CaseViewDraft draft, boolean stored, boolean changed) {
    }

    private final CaseViewRepository views;
    private final Map<CaseId, Touched> touched = new LinkedHashMap<>();

    ViewsOfABatch(CaseViewRepository views) {
        this.views = views;
    }

    /** A working copy of the case's view as this batch has it so far. */
    CaseViewDraft draftOf(CaseId caseId) {
        Touched known = touched.get(caseId);
        if (known == null) {
            var stored = views.draft(caseId);
            known = new Touched(stored.orElseGet(CaseViewDraft::new), stored.isPresent(), false);
            touched.put(caseId, known);
        }
        return known.draft().exists() ? CaseViewDraft.from(known.draft().toView(), known.draft().tracking()) : new CaseViewDraft();
    }

    void changed(CaseId caseId, CaseViewDraft draft) {
        Touched known = touched.get(caseId);
        touched.put(caseId, new Touched(draft, known != null && known.stored(), true));
    }

    /** Writes every view this batch changed. */
    void write() {
        Map<CaseId, CaseViewDraft> updated = new LinkedHashMap<>();
        Map<CaseId, CaseViewDraft> inserted = new LinkedHashMap<>();
        touched.forEach((caseId, each) -> {
            if (each.changed()) {
                (each.stored() ? updated : inserted).put(caseId, each.draft());
            }
        });
        views.saveAll(updated.values(), inserted.values());
        touched.clear();
    }
}

package io.holdfast.query.caseview;

import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.caseview.CaseView;
import io.holdfast.kernel.freezecase.CaseAttention;
import io.holdfast.query.performance.InClause;
import io.holdfast.query.readmodel.ReadModelJson;
import io.holdfast.query.readmodel.ReadTimes;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** The case-view projection's table: one JSON document per case, with its version. */
@Repository
class CaseViewRepository {

    private final JdbcTemplate jdbc;

    CaseViewRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CaseView> find(CaseId caseId) {
        return jdbc
                .query(
                        "select document from case_view where case_id = ?",
                        (row, i) -> ReadModelJson.read(row.getString(1), CaseView.class),
                        caseId.value())
                .stream()
                .findFirst();
    }

    /** The stored drafts of the given cases, by case id. */
    Map<String, CaseViewDraft> drafts(Collection<String> caseIds) {
        Map<String, CaseViewDraft> drafts = new HashMap<>();
        for (List<String> some : InClause.chunks(caseIds)) {
            jdbc.query(
                    "select case_id, document, tracking from case_view where case_id in " + InClause.of(some),
                    (RowCallbackHandler) row -> drafts.put(
                            row.getString(1),
                            CaseViewDraft.from(
                                    ReadModelJson.read(row.getString(2), CaseView.class),
                                    ReadModelJson.read(row.getString(3), CaseAttention.class))),
                    some.toArray());
        }
        return drafts;
    }

    /** Stores the changed views: updates of the views stored before, inserts of the new ones, each as one JDBC batch. */
    void saveAll(Collection<CaseViewDraft> changed, Set<String> storedBefore) {
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (CaseViewDraft draft : changed) {
            CaseView view = draft.toView();
            String document = ReadModelJson.write(view);
            String tracking = ReadModelJson.write(draft.tracking());
            OffsetDateTime lastChanged = ReadTimes.toColumn(view.lastChangedAt());
            if (storedBefore.contains(view.caseId().value())) {
                updates.add(new Object[] {
                    view.version(),
                    document,
                    tracking,
                    lastChanged,
                    view.caseId().value()
                });
            } else {
                inserts.add(new Object[] {view.caseId().value(), view.version(), document, tracking, lastChanged});
            }
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate(
                    "update case_view set version = ?, document = ?, tracking = ?, last_changed_at = ? where case_id = ?",
                    updates);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into case_view (case_id, version, document, tracking, last_changed_at) values (?, ?, ?, ?, ?)",
                    inserts);
        }
    }

    void deleteAll() {
        jdbc.update("delete from case_view");
    }
}

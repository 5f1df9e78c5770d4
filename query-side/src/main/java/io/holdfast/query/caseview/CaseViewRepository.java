package io.holdfast.query.caseview;

import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.caseview.CaseView;
import io.holdfast.query.readmodel.ReadModelJson;
import io.holdfast.query.readmodel.ReadTimes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** The case-view projection's table: one JSON document per case, with its version. */
@Repository
class CaseViewRepository {

    private final JdbcTemplate jdbc;

    CaseViewRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CaseView> find(CaseId caseId) {
        return jdbc.query("select document from case_view where case_id = ?",
                (row, i) -> ReadModelJson.read(row.getString(1), CaseView.class), caseId.value()).stream().findFirst();
    }

    Optional<CaseViewDraft> draft(CaseId caseId) {
        return jdbc.query("select document, tracking from case_view where case_id = ?",
                (row, i) -> CaseViewDraft.from(ReadModelJson.read(row.getString(1), CaseView.class),
                        ReadModelJson.read(row.getString(2), CaseViewDraft.Tracking.class)),
                caseId.value()).stream().findFirst();
    }

    void save(CaseView view, CaseViewDraft.Tracking tracking, boolean existed) {
        String document = ReadModelJson.write(view);
        String state = ReadModelJson.write(tracking);
        if (existed) {
            jdbc.update("update case_view set version = ?, document = ?, tracking = ?, last_changed_at = ? where case_id = ?",
                    view.version(), document, state, ReadTimes.toColumn(view.lastChangedAt()), view.caseId().value());
        } else {
            jdbc.update("insert into case_view (case_id, version, document, tracking, last_changed_at) values (?, ?, ?, ?, ?)",
                    view.caseId().value(), view.version(), document, state, ReadTimes.toColumn(view.lastChangedAt()));
        }
    }

    void deleteAll() {
        jdbc.update("delete from case_view");
    }
}

package io.holdfast.query.warrants;

import io.holdfast.kernel.Warrant;
import io.holdfast.kernel.freezecase.AccountFlagged;
import io.holdfast.kernel.freezecase.AssetsFrozen;
import io.holdfast.kernel.freezecase.AssetsReleased;
import io.holdfast.kernel.freezecase.AssetsTurnedOver;
import io.holdfast.kernel.freezecase.BlockingReportDue;
import io.holdfast.kernel.freezecase.BlockingReportFiled;
import io.holdfast.kernel.freezecase.BlockingReportOverdue;
import io.holdfast.kernel.freezecase.CaseDismissed;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.kernel.freezecase.CaseEventReader;
import io.holdfast.kernel.freezecase.FreezeRequestRejected;
import io.holdfast.kernel.freezecase.FreezeRequested;
import io.holdfast.kernel.freezecase.NoteAdded;
import io.holdfast.kernel.freezecase.SanctionsMatchRecorded;
import io.holdfast.kernel.freezecase.WarrantExpired;
import io.holdfast.kernel.freezecase.WarrantExpiryApproaching;
import io.holdfast.kernel.freezecase.WarrantExtended;
import io.holdfast.kernel.freezecase.WarrantReceived;
import io.holdfast.query.performance.BatchedWrites;
import io.holdfast.query.performance.GatheredStatements;
import io.holdfast.query.performance.ReadModelWrites;
import io.holdfast.query.readmodel.CaseParties;
import io.holdfast.query.readmodel.ReadTimes;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The warrant registry: every warrant recorded on any case, with its case and expiry, and the
 * agencies party to each case for liaisons' reads. Rows are keyed by case and warrant, so an
 * event seen twice changes nothing.
 */
@Component
@ProcessingGroup(WarrantRegistryProjection.PROCESSING_GROUP)
class WarrantRegistryProjection {

    static final String PROCESSING_GROUP = "warrant-registry";

    private final JdbcTemplate jdbc;
    private final BatchedWrites<GatheredStatements> writes;

    WarrantRegistryProjection(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        CaseParties parties = new CaseParties(jdbc, "warrant_case_party");
        this.writes = new BatchedWrites<>(
                PROCESSING_GROUP, () -> new GatheredStatements(jdbc, parties, List.of(REGISTER, EXTEND)), writes);
    }

    @EventHandler
    void on(CaseEvent event, EventMessage<?> message) {
        writes.add(message, statements -> project(event, statements));
    }

    private static void project(CaseEvent event, GatheredStatements statements) {
        statements.add(event);
        CaseEventReader.read(event, new Statements(event.caseId().value(), statements));
    }

    private static final String REGISTER = """
            insert into registered_warrant (case_id, warrant_id, order_type, issuing_authority,
                   requesting_agency, jurisdiction, reference_number, issued_at, expires_at)
            select ?, ?, ?, ?, ?, ?, ?, ?, ?
             where not exists (select 1 from registered_warrant where case_id = ? and warrant_id = ?)""";
    private static final String EXTEND =
            "update registered_warrant set expires_at = ? where case_id = ? and warrant_id = ?";

    /** The statements each kind of event asks of the registry's table. */
    private record Statements(String caseId, GatheredStatements statements) implements CaseEventReader {

        @Override
        public void warrantReceived(WarrantReceived received) {
            Warrant warrant = received.warrant();
            statements.add(
                    REGISTER,
                    caseId,
                    warrant.warrantId().value(),
                    warrant.orderType().name(),
                    warrant.issuingAuthority(),
                    warrant.requestingAgency().value(),
                    warrant.jurisdiction(),
                    warrant.referenceNumber(),
                    ReadTimes.toColumn(warrant.issuedAt()),
                    ReadTimes.toColumn(warrant.expiresAt()),
                    caseId,
                    warrant.warrantId().value());
        }

        @Override
        public void warrantExtended(WarrantExtended extended) {
            statements.add(
                    EXTEND,
                    ReadTimes.toColumn(extended.newExpiresAt()),
                    caseId,
                    extended.warrantId().value());
        }

        // the registry lists warrants and when they expire: nothing else changes them
        @Override
        public void accountFlagged(AccountFlagged event) {}

        @Override
        public void freezeRequested(FreezeRequested event) {}

        @Override
        public void assetsFrozen(AssetsFrozen event) {}

        @Override
        public void freezeRequestRejected(FreezeRequestRejected event) {}

        @Override
        public void assetsReleased(AssetsReleased event) {}

        @Override
        public void assetsTurnedOver(AssetsTurnedOver event) {}

        @Override
        public void caseDismissed(CaseDismissed event) {}

        @Override
        public void noteAdded(NoteAdded event) {}

        @Override
        public void warrantExpiryApproaching(WarrantExpiryApproaching event) {}

        @Override
        public void warrantExpired(WarrantExpired event) {}

        @Override
        public void blockingReportDue(BlockingReportDue event) {}

        @Override
        public void blockingReportFiled(BlockingReportFiled event) {}

        @Override
        public void blockingReportOverdue(BlockingReportOverdue event) {}

        @Override
        public void sanctionsMatchRecorded(SanctionsMatchRecorded event) {}
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from registered_warrant");
        jdbc.update("delete from warrant_case_party");
        writes.forgetFailures();
    }
}

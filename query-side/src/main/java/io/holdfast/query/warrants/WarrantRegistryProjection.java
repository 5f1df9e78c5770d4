package io.holdfast.query.warrants;

import io.holdfast.kernel.Warrant;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.kernel.freezecase.WarrantReceived;
import io.holdfast.query.readmodel.ReadTimes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import io.holdfast.query.readmodel.CaseParties;
import io.holdfast.query.readmodel.BatchedWrites;
import io.holdfast.query.readmodel.GatheredStatements;
import io.holdfast.query.readmodel.ReadModelWrites;
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
        this.writes = new BatchedWrites<>(PROCESSING_GROUP, () -> new GatheredStatements(jdbc, parties), writes);
    }

    @EventHandler
    void on(CaseEvent event, EventMessage<?> message) {
        writes.add(message, statements -> project(event, statements));
    }

    private static void project(CaseEvent event, GatheredStatements statements) {
        String caseId = event.caseId().value();
        statements.add(event);
        if (event instanceof WarrantReceived received) {
            Warrant warrant = received.warrant();
            statements.add("""
                            insert into registered_warrant (case_id, warrant_id, order_type, issuing_authority,
                                   requesting_agency, jurisdiction, reference_number, issued_at, expires_at)
                            select ?, ?, ?, ?, ?, ?, ?, ?, ?
                             where not exists (select 1 from registered_warrant where case_id = ? and warrant_id = ?)""",
                    caseId, warrant.warrantId().value(), warrant.orderType().name(), warrant.issuingAuthority(),
                    warrant.requestingAgency().value(), warrant.jurisdiction(), warrant.referenceNumber(),
                    ReadTimes.toColumn(warrant.issuedAt()), ReadTimes.toColumn(warrant.expiresAt()),
                    caseId, warrant.warrantId().value());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from registered_warrant");
        jdbc.update("delete from warrant_case_party");
        writes.forgetFailures();
    }
}

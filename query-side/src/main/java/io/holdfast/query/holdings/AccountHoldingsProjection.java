package io.holdfast.query.holdings;

import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.freezecase.AccountFlagged;
import io.holdfast.kernel.freezecase.AssetsFrozen;
import io.holdfast.kernel.freezecase.AssetsReleased;
import io.holdfast.kernel.freezecase.AssetsTurnedOver;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.kernel.freezecase.WarrantReceived;
import io.holdfast.query.readmodel.ReadModelJson;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import io.holdfast.query.readmodel.ReadModelWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps, per case, the account and what is frozen on it, so the holdings of an account can be
 * summed across its cases. Agencies party to each case are kept for liaisons' reads. Guarded by
 * the case version: an event seen twice changes nothing.
 */
@Component
@ProcessingGroup(AccountHoldingsProjection.PROCESSING_GROUP)
class AccountHoldingsProjection {

    static final String PROCESSING_GROUP = "account-holdings";

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;

    AccountHoldingsProjection(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber Long sequence) {
        writes.apply(() -> project(event, sequence));
    }

    private void project(CaseEvent event, long sequence) {
        String caseId = event.caseId().value();
        if (event instanceof AccountFlagged flagged) {
            String agencies = flagged.reason().agency() == null ? "," : "," + flagged.reason().agency().value() + ",";
            jdbc.update("""
                            insert into account_holding (case_id, account_id, frozen, agencies, version)
                            select ?, ?, ?, ?, ? where not exists (select 1 from account_holding where case_id = ?)""",
                    caseId, flagged.accountId().value(), ReadModelJson.write(Holdings.empty()), agencies, sequence, caseId);
            return;
        }
        if (jdbc.update("update account_holding set version = ? where case_id = ? and version < ?",
                sequence, caseId, sequence) == 0) {
            return;
        }
        if (event instanceof WarrantReceived received) {
            String agency = "," + received.warrant().requestingAgency().value() + ",";
            jdbc.update("update account_holding set agencies = agencies || ? where case_id = ? and agencies not like ?",
                    agency.substring(1), caseId, "%" + agency + "%");
        } else if (event instanceof AssetsFrozen frozen) {
            setFrozen(caseId, frozen.frozenAfter());
        } else if (event instanceof AssetsReleased released) {
            setFrozen(caseId, released.stillFrozen());
        } else if (event instanceof AssetsTurnedOver turnedOver) {
            setFrozen(caseId, turnedOver.stillFrozen());
        }
    }

    private void setFrozen(String caseId, Holdings frozen) {
        jdbc.update("update account_holding set frozen = ? where case_id = ?", ReadModelJson.write(frozen), caseId);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from account_holding");
    }
}

package io.holdfast.query.ledger;

import io.holdfast.query.audit.AuditTrailReset;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A replay of the audit trail rebuilds the ledger's leaves with it: the same entries in the same order give the same tree. */
@Component
class LedgerRebuild {

    private final LedgerStore store;

    LedgerRebuild(LedgerStore store) {
        this.store = store;
    }

    @EventListener
    void on(AuditTrailReset reset) {
        store.lock();
        store.forgetLeaves();
    }
}

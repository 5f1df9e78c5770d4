package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.Require;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that the blocking report for a freeze under a sanctions blocking was filed (with OFAC).
 * The obligation is named by the freeze request that opened it.
 */
public record FileBlockingReport(
        @TargetAggregateIdentifier CaseId caseId,
        FreezeRequestId obligationId,
        String reportReference,
        Instant filedAt,
        Actor actor,
        Long expectedVersion) {

    public FileBlockingReport {
        Require.present("caseId", caseId);
        Require.present("obligationId", obligationId);
        Require.text("reportReference", reportReference, 200);
        Require.present("filedAt", filedAt);
        Require.present("actor", actor);
    }

    public FileBlockingReport(
            CaseId caseId, FreezeRequestId obligationId, String reportReference, Instant filedAt, Actor actor) {
        this(caseId, obligationId, reportReference, filedAt, actor, null);
    }
}

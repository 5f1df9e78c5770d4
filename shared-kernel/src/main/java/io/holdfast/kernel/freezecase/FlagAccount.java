package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Evidence;
import io.holdfast.kernel.FlagReason;
import io.holdfast.kernel.Require;
import io.holdfast.kernel.Subject;
import io.holdfast.kernel.sanctions.SanctionsMatch;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Open a freeze case on an account. Screening also names the sanctions match it found
 * ({@code match}); people flag without one.
 */
public record FlagAccount(
        @TargetAggregateIdentifier CaseId caseId,
        AccountId accountId,
        Subject subject,
        FlagReason reason,
        List<Evidence> evidence,
        Actor actor,
        SanctionsMatch match) {

    public FlagAccount(
            CaseId caseId,
            AccountId accountId,
            Subject subject,
            FlagReason reason,
            List<Evidence> evidence,
            Actor actor) {
        this(caseId, accountId, subject, reason, evidence, actor, null);
    }

    public FlagAccount {
        Require.present("caseId", caseId);
        Require.present("accountId", accountId);
        Require.present("subject", subject);
        Require.present("reason", reason);
        evidence = Require.list("evidence", evidence, 100);
        Require.present("actor", actor);
    }
}

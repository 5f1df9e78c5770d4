package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Evidence;
import io.holdfast.kernel.FlagReason;
import io.holdfast.kernel.Require;
import io.holdfast.kernel.Subject;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Open a freeze case on an account. */
public record FlagAccount(
        @TargetAggregateIdentifier CaseId caseId,
        AccountId accountId,
        Subject subject,
        FlagReason reason,
        List<Evidence> evidence,
        Actor actor) {

    public FlagAccount {
        Require.present("caseId", caseId);
        Require.present("accountId", accountId);
        Require.present("subject", subject);
        Require.present("reason", reason);
        evidence = Require.list("evidence", evidence, 100);
        Require.present("actor", actor);
    }
}

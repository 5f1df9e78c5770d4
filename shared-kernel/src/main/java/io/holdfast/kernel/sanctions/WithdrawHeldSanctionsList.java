package io.holdfast.kernel.sanctions;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.Require;
import io.holdfast.kernel.Sha256;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Drop the held file named by its SHA-256: the list stays at its current version. */
public record WithdrawHeldSanctionsList(
        @TargetAggregateIdentifier SanctionsListId listId, Sha256 sha256, Actor actor) {

    public WithdrawHeldSanctionsList {
        Require.present("list", listId);
        Require.present("sha256", sha256);
        Require.present("actor", actor);
    }
}

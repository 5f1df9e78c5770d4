package io.holdfast.kernel.sanctions;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.Require;
import io.holdfast.kernel.Sha256;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Apply the held file named by its SHA-256 as the list's next version: a second person's confirmation. */
public record ConfirmHeldSanctionsList(
        @TargetAggregateIdentifier SanctionsListId listId, Sha256 sha256, Actor actor) {

    public ConfirmHeldSanctionsList {
        Require.present("list", listId);
        Require.present("sha256", sha256);
        Require.present("actor", actor);
    }
}

package io.holdfast.kernel.sanctions;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.Require;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make the entries read from a published list file the list's current version. */
public record ImportSanctionsList(
        @TargetAggregateIdentifier SanctionsListId listId,
        ListPublication publication,
        List<SanctionsEntry> entries,
        Actor actor) {

    public ImportSanctionsList {
        Require.present("list", listId);
        Require.present("publication", publication);
        entries = Require.list("entries", entries, 1_000_000);
        Require.present("actor", actor);
    }
}

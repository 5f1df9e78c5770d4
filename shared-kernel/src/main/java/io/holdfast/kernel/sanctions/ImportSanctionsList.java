package io.holdfast.kernel.sanctions;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.Require;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Make the entries read from a published list file the list's current version. {@code
 * incompleteEntries} names the entries the file gives only in part (sdn.csv's cut remarks read
 * without their continuation): they keep the addresses the current version has for them.
 */
public record ImportSanctionsList(
        @TargetAggregateIdentifier SanctionsListId listId,
        ListPublication publication,
        List<SanctionsEntry> entries,
        List<String> incompleteEntries,
        Actor actor) {

    public ImportSanctionsList {
        Require.present("list", listId);
        Require.present("publication", publication);
        entries = Require.list("entries", entries, 1_000_000);
        incompleteEntries =
                Require.list("incompleteEntries", incompleteEntries == null ? List.of() : incompleteEntries, 1_000_000);
        Require.present("actor", actor);
    }

    /** An import of a file that gives every entry whole. */
    public ImportSanctionsList(
            SanctionsListId listId, ListPublication publication, List<SanctionsEntry> entries, Actor actor) {
        this(listId, publication, entries, List.of(), actor);
    }
}

package io.holdfast.kernel.sanctions;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.InvalidValueException;
import io.holdfast.kernel.Require;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Make the entries sent before in {@code parts} {@link StageSanctionsEntries} commands the list's
 * current version, exactly as {@link ImportSanctionsList} does with entries it carries itself.
 */
public record ImportStagedSanctionsList(
        @TargetAggregateIdentifier SanctionsListId listId,
        ListPublication publication,
        String importId,
        int parts,
        int entryCount,
        List<String> incompleteEntries,
        Actor actor) {

    public ImportStagedSanctionsList {
        Require.present("list", listId);
        Require.present("publication", publication);
        Require.identifier("importId", importId);
        if (parts < 1) {
            throw new InvalidValueException("parts", "must be 1 or more");
        }
        if (entryCount < parts) {
            throw new InvalidValueException("entryCount", "must be at least one entry per part");
        }
        incompleteEntries =
                Require.list("incompleteEntries", incompleteEntries == null ? List.of() : incompleteEntries, 1_000_000);
        Require.present("actor", actor);
    }

    /** A staged import of a file that gives every entry whole. */
    public ImportStagedSanctionsList(
            SanctionsListId listId,
            ListPublication publication,
            String importId,
            int parts,
            int entryCount,
            Actor actor) {
        this(listId, publication, importId, parts, entryCount, List.of(), actor);
    }
}

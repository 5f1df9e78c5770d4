package io.holdfast.kernel.sanctions;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.InvalidValueException;
import io.holdfast.kernel.Require;
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
        Require.present("actor", actor);
    }
}

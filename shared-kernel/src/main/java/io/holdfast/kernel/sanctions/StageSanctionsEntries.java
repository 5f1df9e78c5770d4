package io.holdfast.kernel.sanctions;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.InvalidValueException;
import io.holdfast.kernel.Require;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * One part of a list file too large for one message (Axon Server's limit). Routed by the list, so
 * every part reaches the node that then imports them with {@link ImportStagedSanctionsList}.
 */
public record StageSanctionsEntries(
        @TargetAggregateIdentifier SanctionsListId listId,
        String importId,
        int part,
        List<SanctionsEntry> entries,
        Actor actor) {

    public StageSanctionsEntries {
        Require.present("list", listId);
        Require.identifier("importId", importId);
        if (part < 0) {
            throw new InvalidValueException("part", "must be 0 or more");
        }
        entries = Require.nonEmptyList("entries", entries, 1_000_000);
        Require.present("actor", actor);
    }
}

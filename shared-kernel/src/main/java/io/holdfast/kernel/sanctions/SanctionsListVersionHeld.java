package io.holdfast.kernel.sanctions;

import io.holdfast.kernel.Actor;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A list file that would remove more of the current version's entries or addresses than the
 * share one person may remove ({@code removalShareLimit}) was held: screening keeps the current
 * version ({@code currentVersion}) until a supervisor or an administrator other than the importer
 * confirms it. Records what the file would remove, so the person confirming sees it, and the
 * entries the file gives only in part ({@code incompleteEntries}), so confirming it applies it as the
 * import would have.
 */
@Revision("1")
public record SanctionsListVersionHeld(
        String listId,
        long currentVersion,
        ListPublication publication,
        int entryCount,
        int addressCount,
        List<String> entriesRemoved,
        List<ListedAddress> addressesRemoved,
        List<String> incompleteEntries,
        double removalShareLimit,
        Actor importedBy,
        Instant heldAt) {}

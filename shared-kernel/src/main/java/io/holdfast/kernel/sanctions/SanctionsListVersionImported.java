package io.holdfast.kernel.sanctions;

import io.holdfast.kernel.Actor;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A list file became the list's current version: which file (publication), how many entries and
 * addresses it names, and how it differs from the version before it. The last event of an import;
 * screening against this version starts when it is seen. Revision 2: the publication names every
 * part the version was read from ({@code parts}). Revision 3: the entries the file gives only in
 * part ({@code incompleteEntries}) and the addresses they keep from the version before, which the
 * file could not contradict ({@code addressesCarriedOver}: still designated, not removed).
 */
@Revision("3")
public record SanctionsListVersionImported(
        String listId,
        long version,
        ListPublication publication,
        int entryCount,
        int addressCount,
        List<String> entriesAdded,
        List<String> entriesChanged,
        List<String> entriesRemoved,
        List<ListedAddress> addressesAdded,
        List<ListedAddress> addressesRemoved,
        List<String> incompleteEntries,
        List<ListedAddress> addressesCarriedOver,
        Actor importedBy,
        Instant importedAt) {}

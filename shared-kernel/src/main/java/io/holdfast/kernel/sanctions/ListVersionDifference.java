package io.holdfast.kernel.sanctions;

import java.util.List;

/**
 * A list version in full: its summary and exactly which entries and addresses it added, changed and
 * removed; the entries its file gave only in part, and the addresses those kept from the version
 * before ({@code addressesCarriedOver}: still designated, the file could not say otherwise).
 */
public record ListVersionDifference(
        String list,
        ListVersionSummary summary,
        List<String> entriesAdded,
        List<String> entriesChanged,
        List<String> entriesRemoved,
        List<ListedAddress> addressesAdded,
        List<ListedAddress> addressesRemoved,
        List<String> incompleteEntries,
        List<ListedAddress> addressesCarriedOver) {}

package io.holdfast.kernel.sanctions;

import java.util.List;

/** A list version in full: its summary and exactly which entries and addresses it added, changed and removed. */
public record ListVersionDifference(
        String list,
        ListVersionSummary summary,
        List<String> entriesAdded,
        List<String> entriesChanged,
        List<String> entriesRemoved,
        List<ListedAddress> addressesAdded,
        List<ListedAddress> addressesRemoved) {}

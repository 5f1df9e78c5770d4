package io.holdfast.kernel.sanctions;

import java.util.List;

/** The entries that name an address, in every list's current version. */
public record ListedEntries(String address, String addressKey, List<ListedEntry> entries) {}

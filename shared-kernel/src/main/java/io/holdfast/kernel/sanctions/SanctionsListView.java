package io.holdfast.kernel.sanctions;

import java.util.List;

/** A list with its current version and every version imported, newest first. */
public record SanctionsListView(String list, long currentVersion, List<ListVersionSummary> versions) {}

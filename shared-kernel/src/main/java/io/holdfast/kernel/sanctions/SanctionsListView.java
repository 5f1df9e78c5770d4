package io.holdfast.kernel.sanctions;

import java.util.List;

/**
 * A list with its current version and every version imported, newest first, and the file held
 * for a second person's confirmation ({@code null} when none is).
 */
public record SanctionsListView(
        String list, long currentVersion, List<ListVersionSummary> versions, HeldListVersion held) {}

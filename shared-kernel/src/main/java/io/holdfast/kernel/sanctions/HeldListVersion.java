package io.holdfast.kernel.sanctions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A list file held for a second person's confirmation, as {@code GET /api/sanctions/lists} shows
 * it: its file, its size, and what it would remove from the current version.
 */
public record HeldListVersion(
        long currentVersion,
        LocalDate publicationDate,
        String sha256,
        String format,
        String fileName,
        int entryCount,
        int addressCount,
        List<String> entriesRemoved,
        List<ListedAddress> addressesRemoved,
        double removalShareLimit,
        String importedBy,
        Instant heldAt) {}

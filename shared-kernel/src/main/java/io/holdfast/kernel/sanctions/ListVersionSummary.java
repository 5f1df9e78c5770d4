package io.holdfast.kernel.sanctions;

import java.time.Instant;
import java.time.LocalDate;

/** One version of a list as {@code GET /api/sanctions/lists} shows it: its file and how much it changed. */
public record ListVersionSummary(
        long version,
        LocalDate publicationDate,
        String sha256,
        String format,
        String fileName,
        int entryCount,
        int addressCount,
        int entriesAdded,
        int entriesChanged,
        int entriesRemoved,
        int addressesAdded,
        int addressesRemoved,
        int addressesCarriedOver,
        String importedBy,
        Instant importedAt) {}

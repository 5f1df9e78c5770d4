package io.holdfast.kernel.sanctions;

import java.util.List;

/** Entries the previous version named and this version no longer does. */
public record SanctionsEntriesDelisted(String listId, long version, List<String> uids) {
}

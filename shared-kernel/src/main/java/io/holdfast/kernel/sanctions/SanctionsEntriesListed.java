package io.holdfast.kernel.sanctions;

import java.util.List;

/**
 * Entries that are new or changed in a list version, in full. A large version is recorded as
 * several of these (parts of at most a few hundred entries), followed by one
 * {@link SanctionsListVersionImported}, all in one transaction.
 */
public record SanctionsEntriesListed(String listId, long version, List<SanctionsEntry> entries) {
}

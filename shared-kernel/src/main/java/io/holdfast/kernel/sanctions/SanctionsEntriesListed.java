package io.holdfast.kernel.sanctions;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Entries that are new or changed in a list version, in full. A large version is recorded as
 * several of these (parts of at most a few hundred entries), followed by one
 * {@link SanctionsListVersionImported}, all in one transaction.
 */
@Revision("1")
public record SanctionsEntriesListed(String listId, long version, List<SanctionsEntry> entries) {}

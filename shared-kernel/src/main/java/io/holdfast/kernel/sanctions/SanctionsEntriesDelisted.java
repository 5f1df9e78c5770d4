package io.holdfast.kernel.sanctions;

import java.util.List;
import org.axonframework.serialization.Revision;

/** Entries the previous version named and this version no longer does. */
@Revision("1")
public record SanctionsEntriesDelisted(String listId, long version, List<String> uids) {}

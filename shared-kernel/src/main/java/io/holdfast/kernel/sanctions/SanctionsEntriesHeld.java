package io.holdfast.kernel.sanctions;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Entries of a list file held for a second person's confirmation, in full, so the held version
 * can be applied exactly as it was uploaded, even after a restart. A held file is recorded as
 * several of these (parts of at most a few hundred entries) followed by one
 * {@link SanctionsListVersionHeld}; nothing of it is on the list until it is confirmed.
 */
@Revision("1")
public record SanctionsEntriesHeld(String listId, String sha256, List<SanctionsEntry> entries) {}

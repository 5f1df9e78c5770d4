package io.holdfast.kernel.sanctions;

/**
 * What a list answers to an import: its current version afterwards, whether this import recorded
 * a new version ({@code false} when the same file was already the current version, or when it was
 * held), and whether the file is held for a second person's confirmation.
 */
public record SanctionsListVersion(String listId, long version, boolean recorded, boolean held) {

    public SanctionsListVersion(String listId, long version, boolean recorded) {
        this(listId, version, recorded, false);
    }
}

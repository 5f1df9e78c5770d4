package io.holdfast.kernel.sanctions;

/**
 * What a list answers to an import: its current version afterwards, and whether this import
 * recorded it ({@code false} when the same file was already the current version).
 */
public record SanctionsListVersion(String listId, long version, boolean recorded) {}

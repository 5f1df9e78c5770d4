package io.holdfast.kernel.sanctions;

/** Query: every list with its versions. */
public record ListSanctionsLists() {}

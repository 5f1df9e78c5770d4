package io.holdfast.kernel.sanctions;

/** Query: one version of one list, with its difference to the version before. */
public record FindListVersion(String list, long version) {}

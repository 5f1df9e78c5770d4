package io.holdfast.kernel.sanctions;

/** Query: the file a list holds for a second person's confirmation, if it holds one. */
public record FindHeldListVersion(String list) {}

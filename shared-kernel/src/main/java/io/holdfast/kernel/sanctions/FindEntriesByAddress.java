package io.holdfast.kernel.sanctions;

/** Query: the listed entries that designate an address (compared by its key, see {@link AddressKeys}). */
public record FindEntriesByAddress(String address) {}

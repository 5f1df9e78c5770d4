package io.holdfast.kernel.sanctions;

/** A designated address and the entry of the list that names it. */
public record ListedAddress(String entryUid, WalletAddress address) {}

package io.holdfast.kernel.sanctions;

import java.util.List;

/** An entry of a list's current version, with the version it was first listed in and last changed in. */
public record ListedEntry(
        String list,
        String uid,
        String name,
        String entryType,
        List<String> programs,
        List<String> aliases,
        List<WalletAddress> addresses,
        long listedInVersion,
        long changedInVersion) {}

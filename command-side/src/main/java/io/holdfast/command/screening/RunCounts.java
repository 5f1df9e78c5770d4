package io.holdfast.command.screening;

/**
 * What a finished screening counted, how long its three phases took (address lookups, flags,
 * names), and what went wrong with matches that could not be flagged (null when none).
 */
record RunCounts(
        Long listVersion,
        long addressesScreened,
        int addressMatches,
        int flagsRaised,
        int alreadyFlagged,
        int nameMatches,
        long addressMillis,
        long flagMillis,
        long nameMillis,
        String failure) {

    static RunCounts none() {
        return new RunCounts(null, 0, 0, 0, 0, 0, 0, 0, 0, null);
    }
}

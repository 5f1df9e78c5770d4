package io.holdfast.command.screening;

/** What a finished screening counted, and how long its three phases took (address lookups, flags, names). */
record RunCounts(Long listVersion, long addressesScreened, int addressMatches, int flagsRaised, int alreadyFlagged,
                 int nameMatches, long addressMillis, long flagMillis, long nameMillis) {

    static RunCounts none() {
        return new RunCounts(null, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}

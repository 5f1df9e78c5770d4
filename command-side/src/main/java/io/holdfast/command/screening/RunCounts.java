package io.holdfast.command.screening;

/** What a finished screening counted. */
record RunCounts(Long listVersion, long addressesScreened, int addressMatches, int flagsRaised, int alreadyFlagged,
                 int nameMatches) {
}

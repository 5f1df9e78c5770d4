package io.holdfast.command.archprobe;

import io.holdfast.query.http.ReadParameters;

/** A deliberate breach of the module boundary, for proving that the architecture rules catch one. */
public class ReachesIntoTheQuerySide {

    public int firstPage() {
        return ReadParameters.page("0");
    }
}

package io.holdfast.query.readmodel;

import io.holdfast.kernel.NothingFound;

/** What was asked for does not exist, or the caller may not know it does. */
public class ReadNotFound extends NothingFound {

    public ReadNotFound(String sentence) {
        super(sentence);
    }
}

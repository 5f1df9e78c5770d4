package io.holdfast.kernel;

/** What a request asked for does not exist (or may not be known to the caller): a 404 for a client. */
public class NothingFound extends RuntimeException {

    public NothingFound(String sentence) {
        super(sentence);
    }
}

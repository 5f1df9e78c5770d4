package io.holdfast.query.readmodel;

/** What was asked for does not exist, or the caller may not know it does. */
public class ReadNotFound extends RuntimeException {

    public ReadNotFound(String sentence) {
        super(sentence);
    }
}

package io.holdfast.app.problem;

/** An upload grew past the limit while it was being read; nothing of it is kept. */
public class PayloadTooLarge extends RuntimeException {

    public PayloadTooLarge(long limit) {
        super("the request body is larger than the limit of " + limit + " bytes");
    }
}

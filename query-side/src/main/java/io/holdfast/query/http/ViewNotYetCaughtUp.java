package io.holdfast.query.http;

/**
 * A read named a version of a case the event store holds, and the wait ended before the case's view
 * existed (its projection is catching up, such as after Axon Server came back): not a "not found",
 * which would be a wrong answer, but "ask again shortly".
 */
public class ViewNotYetCaughtUp extends RuntimeException {

    public ViewNotYetCaughtUp(String what, String caseId, long storedVersion) {
        super("case " + caseId + " is stored at version " + storedVersion + " but its " + what
                + " has not caught up with it yet; ask again shortly");
    }
}

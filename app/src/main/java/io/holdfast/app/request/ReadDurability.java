package io.holdfast.app.request;

/**
 * Waits until the disk holds what a request read, before an answer built on it is given. A store may
 * show a commit to other connections before it is on disk (H2 does); an answer given again from a
 * stored one must not promise what a failing disk then loses.
 */
@FunctionalInterface
public interface ReadDurability {

    /** A store that shows a commit only once it is on disk (PostgreSQL, Axon Server). */
    ReadDurability ON_COMMIT = () -> {};

    void awaitDiskHoldsWhatWasRead();
}

package io.holdfast.app.request;

/**
 * Waits until the disk holds what the store shows, before an answer built on it is given: a write's
 * own commit, or a stored answer given again. A store may show a commit before it is on disk (H2
 * does, and its commit may return while another thread's write of it is failing); an answer must not
 * promise what a failing disk then loses.
 */
@FunctionalInterface
public interface StoreDurability {

    /** A store that shows a commit only once it is on disk (PostgreSQL, Axon Server). */
    StoreDurability ON_COMMIT = () -> {};

    void awaitDiskHoldsWhatIsShown();
}

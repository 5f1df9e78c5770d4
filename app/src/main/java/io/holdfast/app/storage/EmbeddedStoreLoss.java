package io.holdfast.app.storage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Told when H2 has closed the embedded store under Holdfast (its file could not be written). H2 shows
 * a commit to other connections before it writes it, and opens again without the commits it could not
 * write: events of those commits may have been read already, and their global indexes are given again
 * to the next events. What read the store before must not be trusted after; those who care are told,
 * on the thread that met the closed store, each time a connection meets it.
 */
public final class EmbeddedStoreLoss {

    private static final List<Runnable> LISTENERS = new CopyOnWriteArrayList<>();

    private EmbeddedStoreLoss() {}

    static void whenItHappens(Runnable listener) {
        LISTENERS.add(listener);
    }

    static void forget(Runnable listener) {
        LISTENERS.remove(listener);
    }

    static void report() {
        LISTENERS.forEach(Runnable::run);
    }
}

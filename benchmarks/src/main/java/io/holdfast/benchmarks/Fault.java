package io.holdfast.benchmarks;

import java.io.IOException;
import java.util.List;

/**
 * A fault a scenario strikes with: its name, the store it strikes when it strikes only one (null:
 * any), whether it needs the proxy to PostgreSQL in place before Holdfast starts, and the strike
 * itself, answering the Holdfast node that serves afterwards.
 */
record Fault(String name, Store onlyOn, boolean throughProxy, Strike strike) {

    interface Strike {
        HoldfastProcess on(Deployment deployment, String database, HoldfastProcess holdfast)
                throws IOException, InterruptedException;
    }

    /** Holdfast SIGKILLed (no shutdown, as in a power cut of the node) and started again on the same store. */
    static final Fault KILL = new Fault("kill", null, false, (deployment, database, holdfast) -> {
        holdfast.kill();
        return deployment.startHoldfast(database, Variant.HOLDFAST);
    });

    /** PostgreSQL stopped hard ({@code pg_ctl stop -m immediate}: no checkpoint) and started again after 5 s. */
    static final Fault POSTGRES_RESTART =
            new Fault("postgres-restart", Store.POSTGRES, false, (deployment, database, holdfast) -> {
                deployment.stopPostgresImmediately();
                Thread.sleep(5_000);
                deployment.startPostgresAgain();
                return holdfast;
            });

    /** The network between Holdfast and PostgreSQL cut (connections reset, new ones refused) for 30 s, then healed. */
    static final Fault POSTGRES_CUT =
            new Fault("postgres-cut", Store.POSTGRES, true, (deployment, database, holdfast) -> {
                deployment.proxy().cut();
                Thread.sleep(30_000);
                deployment.proxy().heal();
                return holdfast;
            });

    /** The network to PostgreSQL slowed: every chunk of bytes held 300 ms, either way, for 15 s. */
    static final Fault POSTGRES_SLOW =
            new Fault("postgres-slow", Store.POSTGRES, true, (deployment, database, holdfast) -> {
                deployment.proxy().slow(300);
                Thread.sleep(15_000);
                deployment.proxy().slow(0);
                return holdfast;
            });

    /**
     * The embedded store's disk full for 20 s (a 96 MB file system of its own, filled by another file),
     * then its space given back.
     */
    static final Fault DISK_FULL = new Fault("disk-full", Store.H2, false, (deployment, database, holdfast) -> {
        deployment.fillDisk(database);
        Thread.sleep(20_000);
        deployment.freeDisk(database);
        return holdfast;
    });

    static final List<Fault> ALL = List.of(KILL, POSTGRES_RESTART, POSTGRES_CUT, POSTGRES_SLOW, DISK_FULL);

    boolean strikes(Store store) {
        return onlyOn == null || onlyOn == store;
    }

    /** What the fault needs in place before Holdfast starts. */
    void prepare(Deployment deployment, String database) throws IOException, InterruptedException {
        if (throughProxy) {
            deployment.throughProxy();
        }
        if (this == DISK_FULL) {
            deployment.onSmallDisk(database, "96m");
        }
    }

    HoldfastProcess strike(Deployment deployment, String database, HoldfastProcess holdfast)
            throws IOException, InterruptedException {
        return strike.on(deployment, database, holdfast);
    }

    static Fault named(String name) {
        return ALL.stream()
                .filter(fault -> fault.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fault named " + name + "; "
                        + String.join(", ", ALL.stream().map(Fault::name).toList())));
    }
}

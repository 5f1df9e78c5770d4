package io.holdfast.benchmarks;

import java.io.IOException;
import java.util.List;

/**
 * A fault a scenario strikes with: its name, the store it strikes when it strikes only one (null:
 * any), whether it needs the proxy to PostgreSQL in place before Holdfast starts, how many Holdfast
 * nodes share the store, and the strike itself, answering the nodes that serve afterwards.
 */
record Fault(String name, Store onlyOn, boolean throughProxy, int nodes, Strike strike) {

    interface Strike {
        List<HoldfastProcess> on(Deployment deployment, String database, List<HoldfastProcess> nodes)
                throws IOException, InterruptedException;
    }

    Fault(String name, Store onlyOn, boolean throughProxy, Strike strike) {
        this(name, onlyOn, throughProxy, 1, strike);
    }

    /** Holdfast SIGKILLed (no shutdown, as in a power cut of the node) and started again on the same store. */
    static final Fault KILL = new Fault("kill", null, false, (deployment, database, nodes) -> {
        nodes.get(0).kill();
        return List.of(deployment.startHoldfast(database, Variant.HOLDFAST));
    });

    /**
     * Two nodes on one PostgreSQL, the clients spread over both; the first SIGKILLed while it holds
     * projection segments and deadlines, left down 20 s (the other must take them over), then started again.
     */
    static final Fault TWO_NODES_KILL =
            new Fault("two-nodes-kill", Store.POSTGRES, false, 2, (deployment, database, nodes) -> {
                nodes.get(0).kill();
                Thread.sleep(20_000);
                return List.of(deployment.startNode(database, 0), nodes.get(1));
            });

    /** PostgreSQL stopped hard ({@code pg_ctl stop -m immediate}: no checkpoint) and started again after 5 s. */
    static final Fault POSTGRES_RESTART =
            new Fault("postgres-restart", Store.POSTGRES, false, (deployment, database, nodes) -> {
                deployment.stopPostgresImmediately();
                Thread.sleep(5_000);
                deployment.startPostgresAgain();
                return nodes;
            });

    /** The network between Holdfast and PostgreSQL cut (connections reset, new ones refused) for 30 s, then healed. */
    static final Fault POSTGRES_CUT = new Fault("postgres-cut", Store.POSTGRES, true, (deployment, database, nodes) -> {
        deployment.proxy().cut();
        Thread.sleep(30_000);
        deployment.proxy().heal();
        return nodes;
    });

    /** The network to PostgreSQL slowed: every chunk of bytes held 300 ms, either way, for 15 s. */
    static final Fault POSTGRES_SLOW =
            new Fault("postgres-slow", Store.POSTGRES, true, (deployment, database, nodes) -> {
                deployment.proxy().slow(300);
                Thread.sleep(15_000);
                deployment.proxy().slow(0);
                return nodes;
            });

    /**
     * The embedded store's disk full for 20 s (a 512 MB file system of its own, filled by another file),
     * then its space given back.
     */
    static final Fault DISK_FULL = new Fault("disk-full", Store.H2, false, (deployment, database, nodes) -> {
        deployment.fillDisk(database);
        Thread.sleep(20_000);
        deployment.freeDisk(database);
        return nodes;
    });

    static final List<Fault> ALL =
            List.of(KILL, POSTGRES_RESTART, POSTGRES_CUT, POSTGRES_SLOW, DISK_FULL, TWO_NODES_KILL);

    boolean strikes(Store store) {
        return onlyOn == null || onlyOn == store;
    }

    /** What the fault needs in place before Holdfast starts. */
    void prepare(Deployment deployment, String database) throws IOException, InterruptedException {
        if (throughProxy) {
            deployment.throughProxy();
        }
        if (this == DISK_FULL) {
            deployment.onSmallDisk(database, "512m");
        }
    }

    List<HoldfastProcess> strike(Deployment deployment, String database, List<HoldfastProcess> nodes)
            throws IOException, InterruptedException {
        return strike.on(deployment, database, nodes);
    }

    static Fault named(String name) {
        return ALL.stream()
                .filter(fault -> fault.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fault named " + name + "; "
                        + String.join(", ", ALL.stream().map(Fault::name).toList())));
    }
}

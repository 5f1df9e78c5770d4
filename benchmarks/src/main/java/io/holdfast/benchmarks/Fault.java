package io.holdfast.benchmarks;

import java.io.IOException;
import java.util.List;

/**
 * A fault a scenario strikes with: its name, whether it needs PostgreSQL and the proxy to it in
 * place before Holdfast starts, and the strike itself, answering the Holdfast node that serves
 * afterwards.
 */
record Fault(String name, boolean needsPostgres, boolean throughProxy, Strike strike) {

    interface Strike {
        HoldfastProcess on(Deployment deployment, String database, HoldfastProcess holdfast)
                throws IOException, InterruptedException;
    }

    /** Holdfast SIGKILLed (no shutdown, as in a power cut of the node) and started again on the same store. */
    static final Fault KILL = new Fault("kill", false, false, (deployment, database, holdfast) -> {
        holdfast.kill();
        return deployment.startHoldfast(database, Variant.HOLDFAST);
    });

    /** PostgreSQL stopped hard ({@code pg_ctl stop -m immediate}: no checkpoint) and started again after 5 s. */
    static final Fault POSTGRES_RESTART =
            new Fault("postgres-restart", true, false, (deployment, database, holdfast) -> {
                deployment.stopPostgresImmediately();
                Thread.sleep(5_000);
                deployment.startPostgresAgain();
                return holdfast;
            });

    /** The network between Holdfast and PostgreSQL cut (connections reset, new ones refused) for 30 s, then healed. */
    static final Fault POSTGRES_CUT = new Fault("postgres-cut", true, true, (deployment, database, holdfast) -> {
        deployment.proxy().cut();
        Thread.sleep(30_000);
        deployment.proxy().heal();
        return holdfast;
    });

    /** The network to PostgreSQL slowed: every chunk of bytes held 300 ms, either way, for 15 s. */
    static final Fault POSTGRES_SLOW = new Fault("postgres-slow", true, true, (deployment, database, holdfast) -> {
        deployment.proxy().slow(300);
        Thread.sleep(15_000);
        deployment.proxy().slow(0);
        return holdfast;
    });

    static final List<Fault> ALL = List.of(KILL, POSTGRES_RESTART, POSTGRES_CUT, POSTGRES_SLOW);

    /** What the fault needs in place before Holdfast starts. */
    void prepare(Deployment deployment) throws IOException {
        if (throughProxy) {
            deployment.throughProxy();
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

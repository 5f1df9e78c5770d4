package io.holdfast.benchmarks;

import java.io.IOException;
import java.util.List;

/** A fault a scenario strikes with, answering the Holdfast node that serves afterwards. */
interface Fault {

    String name();

    /** What the fault needs in place before Holdfast starts (the proxy to the database, say). */
    default void prepare(Deployment deployment) throws IOException {}

    HoldfastProcess strike(Deployment deployment, String database, HoldfastProcess holdfast)
            throws IOException, InterruptedException;

    /** Holdfast SIGKILLed (no shutdown, as in a power cut of the node) and started again on the same store. */
    Fault KILL = new Fault() {
        @Override
        public String name() {
            return "kill";
        }

        @Override
        public HoldfastProcess strike(Deployment deployment, String database, HoldfastProcess holdfast)
                throws IOException, InterruptedException {
            holdfast.kill();
            return deployment.startHoldfast(database, Variant.HOLDFAST);
        }
    };

    /** PostgreSQL stopped hard ({@code pg_ctl stop -m immediate}: no checkpoint) and started again after 5 s. */
    Fault POSTGRES_RESTART = new Fault() {
        @Override
        public String name() {
            return "postgres-restart";
        }

        @Override
        public HoldfastProcess strike(Deployment deployment, String database, HoldfastProcess holdfast)
                throws IOException, InterruptedException {
            deployment.stopPostgresImmediately();
            Thread.sleep(5_000);
            deployment.startPostgresAgain();
            return holdfast;
        }
    };

    /** The network between Holdfast and PostgreSQL cut (connections reset, new ones refused) for 30 s, then healed. */
    Fault POSTGRES_CUT = new Fault() {
        @Override
        public String name() {
            return "postgres-cut";
        }

        @Override
        public void prepare(Deployment deployment) throws IOException {
            deployment.throughProxy();
        }

        @Override
        public HoldfastProcess strike(Deployment deployment, String database, HoldfastProcess holdfast)
                throws InterruptedException {
            deployment.proxy().cut();
            Thread.sleep(30_000);
            deployment.proxy().heal();
            return holdfast;
        }
    };

    /** The network to PostgreSQL slowed: every chunk of bytes held 300 ms, either way, for 15 s. */
    Fault POSTGRES_SLOW = new Fault() {
        @Override
        public String name() {
            return "postgres-slow";
        }

        @Override
        public void prepare(Deployment deployment) throws IOException {
            deployment.throughProxy();
        }

        @Override
        public HoldfastProcess strike(Deployment deployment, String database, HoldfastProcess holdfast)
                throws InterruptedException {
            deployment.proxy().slow(300);
            Thread.sleep(15_000);
            deployment.proxy().slow(0);
            return holdfast;
        }
    };

    /** Faults of the database, which the embedded default has none of apart from its process. */
    default boolean needsPostgres() {
        return this != KILL;
    }

    static Fault named(String name) {
        return List.of(KILL, POSTGRES_RESTART, POSTGRES_CUT, POSTGRES_SLOW).stream()
                .filter(fault -> fault.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no fault named " + name + "; kill, postgres-restart, postgres-cut, postgres-slow"));
    }
}

package io.holdfast.benchmarks;

import java.io.IOException;
import java.util.List;

/** A fault a scenario strikes with, answering the Holdfast node that serves afterwards. */
interface Fault {

    String name();

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

    static Fault named(String name) {
        return List.of(KILL, POSTGRES_RESTART).stream()
                .filter(fault -> fault.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fault named " + name + "; kill, postgres-restart"));
    }
}

package io.holdfast.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** How Holdfast is configured for a run. */
enum Variant {

    /** Holdfast as shipped. */
    HOLDFAST,

    /** Holdfast as shipped by an earlier build ({@code --jar-before}): what a change is measured against, in the same run. */
    BEFORE,

    /**
     * The same aggregate and projections configured as a tutorial leaves them: Spring Boot and Axon
     * defaults (tracking processors handling one event per transaction, the JPA storage engine, no
     * snapshots, no aggregate cache, Axon's handler time limits on, no batched inserts).
     */
    NAIVE;

    static final List<String> PROJECTIONS = List.of(
            "case-views", "case-summaries", "account-holdings", "warrant-registry", "audit-trail", "obligations");

    List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        if (this == NAIVE) {
            arguments.add("--holdfast.event-store.engine=jpa");
            arguments.add("--holdfast.snapshot.threshold=" + Integer.MAX_VALUE);
            arguments.add("--holdfast.case-cache.enabled=false");
            arguments.add("--holdfast.reads.case-views-in-memory.max-cases=0");
            arguments.add("--axon.timeout.enabled=true");
            arguments.add("--spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=false");
            arguments.add("--spring.datasource.hikari.maximum-pool-size=10");
            for (String projection : PROJECTIONS) {
                arguments.add("--axon.eventhandling.processors." + projection + ".batch-size=1");
                arguments.add("--axon.eventhandling.processors." + projection + ".dlq.cache.enabled=false");
            }
        }
        return arguments;
    }
}

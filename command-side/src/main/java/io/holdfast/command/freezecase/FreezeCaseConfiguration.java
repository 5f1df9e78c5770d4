package io.holdfast.command.freezecase;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.context.annotation.Bean;

/**
 * How freeze cases are stored: a snapshot every {@code holdfast.snapshot.threshold} events, taken
 * off the command thread so a command's answer never waits for one.
 */
@org.springframework.context.annotation.Configuration
public class FreezeCaseConfiguration {

    public static final String SNAPSHOT_TRIGGER = "freezeCaseSnapshotTrigger";
    /** The repository of cases, defined with the case cache ({@code io.holdfast.command.performance}). */
    public static final String REPOSITORY = "freezeCaseRepository";

    @Bean(destroyMethod = "shutdown")
    ExecutorService snapshotExecutor() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "freeze-case-snapshotter");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(
            Configuration configuration,
            HandlerDefinition handlerDefinition,
            ParameterResolverFactory parameterResolverFactory,
            EventStore eventStore,
            TransactionManager transactionManager,
            ExecutorService snapshotExecutor) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .executor(snapshotExecutor)
                .build();
    }

    @Bean(SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition freezeCaseSnapshotTrigger(Snapshotter snapshotter, SnapshotSettings settings) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, settings.threshold());
    }
}

package io.holdfast.command.performance;

import io.holdfast.command.freezecase.FreezeCase;
import io.holdfast.command.freezecase.FreezeCaseConfiguration;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The repository of freeze cases: cases recently used kept in memory unless {@code holdfast.case-cache.enabled} is false. */
@Configuration(proxyBeanMethods = false)
class CaseRepositoryConfiguration {

    @Bean(FreezeCaseConfiguration.REPOSITORY)
    Repository<FreezeCase> freezeCaseRepository(
            EventStore eventStore,
            @Qualifier(FreezeCaseConfiguration.SNAPSHOT_TRIGGER) SnapshotTriggerDefinition snapshots,
            ParameterResolverFactory parameterResolverFactory,
            HandlerDefinition handlerDefinition,
            CaseCacheSettings cache) {
        EventSourcingRepository.Builder<FreezeCase> cases = EventSourcingRepository.builder(FreezeCase.class)
                .snapshotTriggerDefinition(snapshots)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition);
        return cache.enabled()
                ? new CachedFreezeCases(cases, eventStore, new CasesInMemory(cache.maxCases()))
                : cases.eventStore(eventStore).build();
    }
}

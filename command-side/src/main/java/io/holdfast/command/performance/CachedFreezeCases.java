package io.holdfast.command.performance;

import io.holdfast.command.freezecase.FreezeCase;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Freeze cases kept in memory between commands, so that a case's next command does not read and
 * apply its whole history again. Several nodes may take commands for one case (docs/DESIGN.md,
 * "Deployment"), so a case found in memory is first brought up to date: the events appended since
 * it was kept, by another node, are read (one indexed query that usually finds none) and applied.
 * Two nodes appending to one case at the same moment still meet at the store's unique key, as
 * without the cache; a command that fails, or whose transaction does not commit, drops its case from
 * memory.
 */
final class CachedFreezeCases extends CachingEventSourcingRepository<FreezeCase> {

    private final EventStore eventStore;
    private final Cache cache;

    CachedFreezeCases(EventSourcingRepository.Builder<FreezeCase> builder, EventStore eventStore, Cache cache) {
        super(builder.eventStore(eventStore).cache(cache));
        this.eventStore = eventStore;
        this.cache = cache;
    }

    @Override
    protected EventSourcedAggregate<FreezeCase> doLoadWithLock(String caseId, Long expectedVersion) {
        boolean keptInMemory = cache.containsKey(caseId);
        EventSourcedAggregate<FreezeCase> freezeCase = super.doLoadWithLock(caseId, expectedVersion);
        if (keptInMemory) {
            DomainEventStream appendedSince = eventStore.readEvents(caseId, freezeCase.version() + 1);
            if (appendedSince.hasNext()) {
                freezeCase.initializeState(appendedSince);
            }
        }
        return freezeCase;
    }

    @Override
    protected void doSaveWithLock(EventSourcedAggregate<FreezeCase> freezeCase) {
        super.doSaveWithLock(freezeCase);
        forgottenUnlessCommitted(freezeCase.identifierAsString());
    }

    /**
     * A command may run inside a transaction begun before it (the Idempotency-Key's, which keeps the
     * answer with the events) and committed after Axon's unit of work has ended; if that commit fails
     * (the store's disk full, its connection lost), Axon has already kept the case in memory with
     * events the store does not hold, and the case's next command would be judged against them (a
     * case opened so would refuse its own retried opening as a case that exists). Every case a unit
     * of work saves, opened or changed, is dropped from memory unless the transaction commits.
     */
    private void forgottenUnlessCommitted(String caseId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        cache.remove(caseId);
                    }
                }
            });
        }
    }
}

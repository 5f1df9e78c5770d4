package io.holdfast.command.performance;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * The freeze cases a node keeps in memory between commands: the most recently used, up to a number
 * of cases (about 2–3 KB each for a case of a few events). They were held weakly before, and a
 * weakly held case is taken back at the collector's next pass: a case whose next command came
 * seconds or minutes later, as an investigator's do, was read from the store again (its snapshot
 * and the events since).
 */
final class CasesInMemory implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> cases;

    CasesInMemory(long maximumCases) {
        this.cases = Caffeine.newBuilder().maximumSize(maximumCases).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K caseId) {
        return (V) cases.getIfPresent(caseId);
    }

    @Override
    public void put(Object caseId, Object freezeCase) {
        cases.put(caseId, freezeCase);
    }

    @Override
    public boolean putIfAbsent(Object caseId, Object freezeCase) {
        return cases.asMap().putIfAbsent(caseId, freezeCase) == null;
    }

    @Override
    public boolean remove(Object caseId) {
        return cases.asMap().remove(caseId) != null;
    }

    @Override
    public void removeAll() {
        cases.invalidateAll();
    }

    @Override
    public boolean containsKey(Object caseId) {
        return cases.asMap().containsKey(caseId);
    }

    /** Nothing in Holdfast listens to cases coming and going; a listener would be told nothing, so none is taken. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("the freeze cases kept in memory notify no listeners");
    }

    long size() {
        cases.cleanUp();
        return cases.estimatedSize();
    }
}

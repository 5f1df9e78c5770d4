package io.holdfast.query.audit;

import io.holdfast.kernel.audit.AuditEntry;
import io.holdfast.kernel.audit.AuditEventPage;
import io.holdfast.kernel.audit.CaseHistory;
import io.holdfast.kernel.audit.FindCaseHistory;
import io.holdfast.kernel.audit.HistoryVerification;
import io.holdfast.kernel.audit.ListAuditEvents;
import io.holdfast.kernel.audit.StreamAuditEvents;
import io.holdfast.kernel.audit.VerifyCaseHistory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Answers about the audit trail: a case's history and its verification, and exports across cases. */
@Component
class AuditQueries {

    private static final int EXPORT_PAGE = 500;

    private final AuditRepository audit;
    private final HistoryVerifier verifier;

    @Autowired
    AuditQueries(
            AuditRepository audit,
            EventStore eventStore,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            AuditSettings settings) {
        this(audit, eventStore, eventSerializer, settings.lagTolerance());
    }

    AuditQueries(AuditRepository audit, EventStore eventStore, Serializer eventSerializer, Duration lagTolerance) {
        this.audit = audit;
        this.verifier = new HistoryVerifier(eventStore, eventSerializer, lagTolerance, Clock.systemUTC());
    }

    /** {@code null} when the case has no history or the caller may not see it. */
    @QueryHandler
    CaseHistory handle(FindCaseHistory query) {
        String caseId = query.caseId().value();
        if (!audit.isVisible(caseId, query.visibleTo())) {
            return null;
        }
        List<AuditEntry> entries = audit.history(caseId);
        return entries.isEmpty() ? null : new CaseHistory(caseId, entries);
    }

    @QueryHandler
    HistoryVerification handle(VerifyCaseHistory query) {
        String caseId = query.caseId().value();
        if (!audit.isVisible(caseId, query.visibleTo())) {
            return null;
        }
        List<AuditEntry> rows = audit.history(caseId);
        return rows.isEmpty() ? null : verifier.verify(caseId, rows);
    }

    @QueryHandler
    AuditEventPage handle(ListAuditEvents query) {
        long total = audit.count(query.from(), query.to());
        return new AuditEventPage(
                audit.page(query.from(), query.to(), query.page(), query.size(), total),
                query.page(),
                query.size(),
                total);
    }

    /**
     * Read from the database page by page (by global index) as the client consumes them: the whole
     * range never sits in memory, and no connection or cursor is held between pages.
     */
    @QueryHandler
    Flux<AuditEntry> handle(StreamAuditEvents query) {
        return Flux.<List<AuditEntry>, Long>generate(() -> -1L, (after, sink) -> {
                    List<AuditEntry> page = audit.after(after, query.from(), query.to(), EXPORT_PAGE);
                    if (page.isEmpty()) {
                        sink.complete();
                        return after;
                    }
                    sink.next(page);
                    return page.get(page.size() - 1).globalIndex();
                })
                .concatMapIterable(page -> page);
    }
}

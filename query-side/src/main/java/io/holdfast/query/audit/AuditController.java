package io.holdfast.query.audit;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.audit.AuditEntry;
import io.holdfast.kernel.audit.AuditEventPage;
import io.holdfast.kernel.audit.CaseHistory;
import io.holdfast.kernel.audit.FindCaseHistory;
import io.holdfast.kernel.audit.HistoryVerification;
import io.holdfast.kernel.audit.ListAuditEvents;
import io.holdfast.kernel.audit.StreamAuditEvents;
import io.holdfast.kernel.audit.VerifyCaseHistory;
import io.holdfast.query.readmodel.ReadNotFound;
import io.holdfast.query.readmodel.ReadParameters;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** The audit trail over HTTP: a case's history and its verification, and every case's events as JSON pages or CSV. */
@RestController
class AuditController {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private final QueryGateway queries;

    AuditController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping(path = "/api/cases/{caseId}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<CaseHistory> history(@PathVariable String caseId, Actor actor) {
        CaseId id = ReadParameters.caseId(caseId);
        return queries.query(new FindCaseHistory(id, ReadParameters.confinedTo(actor)), ResponseTypes.instanceOf(CaseHistory.class))
                .thenApply(history -> orNotFound(history, id));
    }

    @GetMapping(path = "/api/cases/{caseId}/history/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<HistoryVerification> verification(@PathVariable String caseId, Actor actor) {
        CaseId id = ReadParameters.caseId(caseId);
        return queries.query(new VerifyCaseHistory(id, ReadParameters.confinedTo(actor)),
                        ResponseTypes.instanceOf(HistoryVerification.class))
                .thenApply(verification -> orNotFound(verification, id));
    }

    @GetMapping(path = "/api/audit/events", produces = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<AuditEventPage> events(@RequestParam(required = false) String from,
                                             @RequestParam(required = false) String to,
                                             @RequestParam(required = false) String page,
                                             @RequestParam(required = false) String size) {
        Instant start = ReadParameters.instant("from", from);
        Instant end = ReadParameters.instant("to", to);
        return queries.query(new ListAuditEvents(start, end, ReadParameters.page(page), ReadParameters.size(size)),
                ResponseTypes.instanceOf(AuditEventPage.class));
    }

    /** The whole range as CSV, written while it is read from the database. */
    @GetMapping(path = "/api/audit/events", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> eventsAsCsv(@RequestParam(required = false) String from,
                                                      @RequestParam(required = false) String to) {
        StreamAuditEvents query = new StreamAuditEvents(ReadParameters.instant("from", from), ReadParameters.instant("to", to));
        StreamingResponseBody body = output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
            AuditCsv.header(out);
            for (AuditEntry entry : reactor.core.publisher.Flux.from(queries.streamingQuery(query, AuditEntry.class))
                    .toIterable(256)) {
                AuditCsv.entry(out, entry);
            }
            out.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"holdfast-audit.csv\"")
                .body(body);
    }

    private static <T> T orNotFound(T answer, CaseId caseId) {
        if (answer == null) {
            throw new ReadNotFound("case " + caseId + " was not found");
        }
        return answer;
    }
}

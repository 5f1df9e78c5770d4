package io.holdfast.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.NothingFound;
import io.holdfast.kernel.audit.AuditEntry;
import io.holdfast.kernel.audit.AuditEventPage;
import io.holdfast.kernel.audit.CaseHistory;
import io.holdfast.kernel.audit.FindCaseHistory;
import io.holdfast.kernel.audit.HistoryVerification;
import io.holdfast.kernel.audit.ListAuditEvents;
import io.holdfast.kernel.audit.StreamAuditEvents;
import io.holdfast.kernel.audit.VerifyCaseHistory;
import io.holdfast.query.http.Answered;
import io.holdfast.query.http.ReadParameters;
import io.holdfast.query.http.ReadSettings;
import io.holdfast.query.http.StaleAnswer;
import io.holdfast.query.http.ViewRechecks;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncWebRequest;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The audit trail over HTTP: a case's history and its verification, and every case's events as JSON pages or CSV. */
@RestController
class AuditController {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private static final long RECHECK_MILLIS = 100;

    /** The longest an export may stream: a year's trail takes a few hours. */
    static final Duration EXPORT_LIMIT = Duration.ofHours(12);

    private final QueryGateway queries;
    private final ViewRechecks rechecks;
    private final Duration readYourWritesWait;
    private final ObjectMapper json;

    @Autowired
    AuditController(QueryGateway queries, ViewRechecks rechecks, ReadSettings reads, ObjectMapper json) {
        this(queries, rechecks, reads.minVersionWait(), json);
    }

    AuditController(QueryGateway queries, ViewRechecks rechecks, Duration readYourWritesWait, ObjectMapper json) {
        this.queries = queries;
        this.rechecks = rechecks;
        this.readYourWritesWait = readYourWritesWait;
        this.json = json;
    }

    /**
     * A case's history; with {@code minVersion} once the trail holds that version (read your own
     * write), asking again every {@value #RECHECK_MILLIS} ms without holding a server thread. Past
     * {@code holdfast.reads.min-version-wait} it answers the history it has with a
     * {@code Warning: 110} naming both versions, as the case view does.
     */
    @GetMapping(
            path = "/api/cases/{caseId}/history",
            produces = MediaType.APPLICATION_JSON_VALUE,
            params = "!minVersion")
    CaseHistory history(@PathVariable String caseId, Actor actor) {
        CaseId id = ReadParameters.caseId(caseId);
        return orNotFound(Answered.now(historyAsked(id, actor).get()), id);
    }

    @GetMapping(
            path = "/api/cases/{caseId}/history",
            produces = MediaType.APPLICATION_JSON_VALUE,
            params = "minVersion")
    Mono<ResponseEntity<CaseHistory>> historyOnceAtVersion(
            @PathVariable String caseId, @RequestParam String minVersion, Actor actor) {
        CaseId id = ReadParameters.caseId(caseId);
        Long wanted = ReadParameters.version("minVersion", minVersion);
        if (wanted == null) {
            return Mono.just(ResponseEntity.ok(history(caseId, actor)));
        }
        AtomicReference<CaseHistory> latest = new AtomicReference<>();
        return rechecks.every(Duration.ZERO, Duration.ofMillis(RECHECK_MILLIS), historyAsked(id, actor))
                .doOnNext(latest::set)
                .filter(history -> versionOf(history) >= wanted)
                .next()
                .map(ResponseEntity::ok)
                .timeout(readYourWritesWait, Mono.defer(() -> behind(id, wanted, latest.get())));
    }

    private Supplier<CompletableFuture<CaseHistory>> historyAsked(CaseId id, Actor actor) {
        FindCaseHistory query = new FindCaseHistory(id, ReadParameters.confinedTo(actor));
        return () -> queries.query(query, ResponseTypes.instanceOf(CaseHistory.class));
    }

    private static long versionOf(CaseHistory history) {
        return history.entries().isEmpty()
                ? -1
                : history.entries().get(history.entries().size() - 1).sequence();
    }

    private static Mono<ResponseEntity<CaseHistory>> behind(CaseId id, long wanted, CaseHistory latest) {
        if (latest == null) {
            return Mono.error(notFound(id));
        }
        return Mono.just(ResponseEntity.ok()
                .header(StaleAnswer.HEADER, StaleAnswer.warning("history", versionOf(latest), wanted))
                .body(latest));
    }

    private static NothingFound notFound(CaseId caseId) {
        return new NothingFound("case " + caseId + " was not found");
    }

    @GetMapping(path = "/api/cases/{caseId}/history/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    HistoryVerification verification(@PathVariable String caseId, Actor actor) {
        CaseId id = ReadParameters.caseId(caseId);
        return orNotFound(
                Answered.now(queries.query(
                        new VerifyCaseHistory(id, ReadParameters.confinedTo(actor)),
                        ResponseTypes.instanceOf(HistoryVerification.class))),
                id);
    }

    @GetMapping(path = "/api/audit/events", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditEventPage events(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        Instant start = ReadParameters.instant("from", from);
        Instant end = ReadParameters.instant("to", to);
        return Answered.now(queries.query(
                new ListAuditEvents(start, end, ReadParameters.page(page), ReadParameters.size(size)),
                ResponseTypes.instanceOf(AuditEventPage.class)));
    }

    /** The whole range as CSV, written while it is read from the database. */
    @GetMapping(path = "/api/audit/events", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> eventsAsCsv(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            HttpServletRequest request) {
        return export(
                from,
                to,
                request,
                new MediaType("text", "csv", StandardCharsets.UTF_8),
                "holdfast-audit.csv",
                AuditCsv::header,
                AuditCsv::entry);
    }

    /**
     * The whole range as JSON Lines (one entry per line, as the pages give it), written while it is
     * read from the database.
     */
    @GetMapping(path = "/api/audit/events", produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> eventsAsJsonLines(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            HttpServletRequest request) {
        return export(
                from,
                to,
                request,
                MediaType.parseMediaType("application/x-ndjson"),
                "holdfast-audit.jsonl",
                out -> {},
                (out, entry) -> {
                    out.write(json.writeValueAsString(entry));
                    out.write('\n');
                });
    }

    /** How an export begins (a CSV header), and how it writes each entry. */
    private interface ExportStart {
        void write(Writer out) throws java.io.IOException;
    }

    private interface EntryWriter {
        void write(Writer out, AuditEntry entry) throws java.io.IOException;
    }

    private ResponseEntity<StreamingResponseBody> export(
            String from,
            String to,
            HttpServletRequest request,
            MediaType type,
            String fileName,
            ExportStart start,
            EntryWriter each) {
        Iterator<AuditEntry> entries = streamed(from, to);
        lastingAsLongAsTheExport(request);
        StreamingResponseBody body = output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
            start.write(out);
            while (entries.hasNext()) {
                each.write(out, entries.next());
            }
            out.flush();
        };
        return ResponseEntity.ok()
                .contentType(type)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .body(body);
    }

    /**
     * The servlet container ends an asynchronous answer after its timeout (Tomcat: 30 s), which would
     * cut a large export short; an export lasts as long as its client reads, up to {@link #EXPORT_LIMIT}.
     */
    private static void lastingAsLongAsTheExport(HttpServletRequest request) {
        AsyncWebRequest answer = WebAsyncUtils.getAsyncManager(request).getAsyncWebRequest();
        if (answer != null) {
            answer.setTimeout(EXPORT_LIMIT.toMillis());
        }
    }

    private Iterator<AuditEntry> streamed(String from, String to) {
        StreamAuditEvents query =
                new StreamAuditEvents(ReadParameters.instant("from", from), ReadParameters.instant("to", to));
        Iterator<AuditEntry> entries = Flux.from(queries.streamingQuery(query, AuditEntry.class))
                .toIterable(256)
                .iterator();
        // the first page is asked for before the answer starts: a read that fails at once is a problem
        // document, where a failure after the 200 could only cut the file short
        entries.hasNext();
        return entries;
    }

    private static <T> T orNotFound(T answer, CaseId caseId) {
        if (answer == null) {
            throw notFound(caseId);
        }
        return answer;
    }
}

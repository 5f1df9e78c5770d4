package io.holdfast.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FlagReason;
import io.holdfast.kernel.Role;
import io.holdfast.kernel.Subject;
import io.holdfast.kernel.freezecase.AccountFlagged;
import io.holdfast.kernel.freezecase.NoteAdded;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exporting the audit trail as CSV streams it: 10,000 events go out in order, chunked, while the
 * client reads them, under this test JVM's bounded heap. That the export reads the database only
 * as fast as the client consumes is pinned by {@code AuditExportStreamingTest} in the query side.
 */
// asynchronous answers end after 50 ms here: an export must last as long as its client reads
// in a folder of its own: two contexts on one store would share its projections' claims
@org.springframework.test.context.TestPropertySource(
        properties = {"spring.mvc.async.request-timeout=50ms", "holdfast.test.mode=audit-export"})
class AuditExportHttpTest extends HttpApiSupport {

    private static final int EVENTS = 10_000;

    @Autowired
    EventStore eventStore;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void tenThousandEventsStreamOutAsCsv() throws Exception {
        String caseId = newCaseId();
        Instant from = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        publish(caseId, EVENTS);
        Instant to = Instant.now();

        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/audit/events?from=" + from + "&to=" + to))
                .header("Accept", "text/csv")
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString("auditor:demo".getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<InputStream> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();

        long lines = 0;
        long bytes = 0;
        String header;
        try (BufferedReader csv = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            header = csv.readLine();
            String line;
            long expectedSequence = 0;
            while ((line = csv.readLine()) != null) {
                bytes += line.length();
                if (line.contains(caseId)) {
                    assertThat(line).contains("," + caseId + "," + expectedSequence + ",");
                    expectedSequence++;
                }
                lines++;
            }
            assertThat(expectedSequence).isEqualTo(EVENTS);
        }
        assertThat(header).startsWith("globalIndex,caseId,sequence,eventId,type");
        assertThat(lines).isEqualTo(EVENTS);
        assertThat(bytes).isGreaterThan(10_000_000L);
    }

    @Test
    void aRefusedExportIsAProblemDocumentNotCsv() {
        Api.Response response = api.as("auditor").header("Accept", "text/csv").get("/api/audit/events?from=yesterday");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("from");
    }

    /** Publishes a case of {@code count} events straight to the event store and waits until the trail holds them. */
    private void publish(String caseId, int count) throws InterruptedException {
        Actor officer = Actor.of("officer", Role.OFFICER);
        String longNote = "n".repeat(1_000);
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);
        for (int batch = 0; batch < count / 500; batch++) {
            List<DomainEventMessage<?>> events = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                long sequence = (long) batch * 500 + i;
                Object payload = sequence == 0
                        ? new AccountFlagged(
                                CaseId.of(caseId),
                                AccountId.of("ACC-EXPORT"),
                                new Subject("K", List.of()),
                                FlagReason.internalInvestigation(null),
                                List.of(),
                                officer)
                        : new NoteAdded(CaseId.of(caseId), longNote + sequence, officer);
                events.add(new GenericDomainEventMessage<>("FreezeCase", caseId, sequence, payload));
            }
            inTransaction.executeWithoutResult(status -> eventStore.publish(events));
        }
        for (int i = 0; i < 1_200 && audited(caseId) < count; i++) {
            Thread.sleep(100);
        }
        assertThat(audited(caseId)).isEqualTo(count);
    }

    @Test
    void theWholeTrailStreamsOutAsJsonLinesEachLineAnEntryAsThePagesGiveIt() throws Exception {
        String caseId = newCaseId();
        Instant from = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        publish(caseId, 2_000);
        Instant to = Instant.now();
        String range = "from=" + from + "&to=" + to;

        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/audit/events?" + range))
                                .header("Accept", "application/x-ndjson")
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(
                                                                "auditor:demo".getBytes(StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(json.readTree(line));
            }
        }
        assertThat(lines).hasSize(2_000);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i).get("sequence").asLong()).isEqualTo(i);
        }
        com.fasterxml.jackson.databind.JsonNode firstPage = api.as("auditor")
                .get("/api/audit/events?size=200&" + range)
                .json()
                .get("items");
        for (int i = 0; i < firstPage.size(); i++) {
            // the ledger takes the entries on its own schedule: a line streamed before it did has no position yet
            ((com.fasterxml.jackson.databind.node.ObjectNode) lines.get(i)).remove("ledgerIndex");
            ((com.fasterxml.jackson.databind.node.ObjectNode) firstPage.get(i)).remove("ledgerIndex");
            assertThat(lines.get(i)).isEqualTo(firstPage.get(i));
        }
    }

    private int audited(String caseId) {
        Integer count =
                jdbc.queryForObject("select count(*) from audit_entry where case_id = ?", Integer.class, caseId);
        return count == null ? 0 : count;
    }
}

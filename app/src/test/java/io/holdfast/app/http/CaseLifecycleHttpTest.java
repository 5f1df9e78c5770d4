package io.holdfast.app.http;

import static io.holdfast.app.http.Api.flagBody;
import static io.holdfast.app.http.Api.freezeRequestBody;
import static io.holdfast.app.http.Api.warrantBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.http.Api.Response;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A whole case over real HTTP, as docs/API.md shows it. */
class CaseLifecycleHttpTest extends HttpApiSupport {

    @Autowired
    EventStore eventStore;

    @Test
    void aCaseRunsFromFlagToRelease() {
        String caseId = newCaseId();

        Response flagged =
                api.as("officer").header("X-Correlation-Id", "portal-req-1").post("/api/cases", flagBody(caseId));
        assertThat(flagged.status()).isEqualTo(201);
        assertThat(flagged.header("Location")).isEqualTo("/api/cases/" + caseId);
        assertThat(flagged.header("ETag")).isEqualTo("\"0\"");
        assertThat(flagged.header("X-Correlation-Id")).isEqualTo("portal-req-1");
        assertThat(flagged.json().get("caseId").asText()).isEqualTo(caseId);
        assertThat(flagged.json().get("version").asLong()).isZero();

        Response warrant = api.as("officer").post("/api/cases/" + caseId + "/warrants", warrantBody("W-1", "FBI"));
        assertThat(warrant.status()).isEqualTo(201);
        assertThat(warrant.header("ETag")).isEqualTo("\"1\"");
        assertThat(warrant.json().get("warrantId").asText()).isEqualTo("W-1");
        assertThat(warrant.json().get("version").asLong()).isEqualTo(1);

        Response request =
                api.as("officer").post("/api/cases/" + caseId + "/freeze-requests", freezeRequestBody("R-1", "W-1"));
        assertThat(request.status()).isEqualTo(201);
        assertThat(request.json().get("requestId").asText()).isEqualTo("R-1");
        assertThat(request.json().get("version").asLong()).isEqualTo(2);

        Response approval = api.as("supervisor")
                .post("/api/cases/" + caseId + "/freeze-requests/R-1/approval", "{\"comment\": \"four eyes\"}");
        assertThat(approval.status()).isEqualTo(200);
        assertThat(approval.header("ETag")).isEqualTo("\"3\"");

        Response partial = api.as("supervisor").post("/api/cases/" + caseId + "/releases", """
                {"holdings": [{"asset": "BTC", "amount": "10"}], "reason": "ORDER_LIFTED", "authorityReference": "23-SW-0412-A"}""");
        assertThat(partial.status()).isEqualTo(201);
        assertThat(partial.json().get("version").asLong()).isEqualTo(4);

        Response rest = api.as("supervisor").post("/api/cases/" + caseId + "/releases", """
                {"reason": "ORDER_LIFTED", "authorityReference": "23-SW-0412-B"}""");
        assertThat(rest.status()).isEqualTo(201);
        assertThat(rest.header("ETag")).isEqualTo("\"5\"");

        // released: the case takes nothing but notes
        Response late = api.as("officer").post("/api/cases/" + caseId + "/warrants", warrantBody("W-2", "FBI"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(api.as("officer")
                        .post("/api/cases/" + caseId + "/notes", "{\"text\": \"closed\"}")
                        .status())
                .isEqualTo(201);

        List<? extends DomainEventMessage<?>> events =
                eventStore.readEvents(caseId, 0).asStream().toList();
        assertThat(events)
                .extracting(event -> event.getPayloadType().getSimpleName())
                .containsExactly(
                        "AccountFlagged",
                        "WarrantReceived",
                        "FreezeRequested",
                        "AssetsFrozen",
                        "AssetsReleased",
                        "AssetsReleased",
                        "NoteAdded");
        assertThat(events.get(5).getPayload().toString()).contains("stillFrozen=nothing");
    }

    @Test
    void everyEventCarriesWhoAskedAndUnderWhichRequest() {
        String caseId = newCaseId();
        api.as("officer")
                .header("X-Correlation-Id", "corr-flag")
                .header("Idempotency-Key", "key-" + caseId)
                .post("/api/cases", flagBody(caseId));
        Api.expect(api.as("officer").post("/api/cases/" + caseId + "/warrants", warrantBody("W-1", "FBI")), 201);
        // now the FBI is party to the case, so its liaison may add its own warrants
        Api.expect(
                api.as("liaison-fbi")
                        .header("X-Correlation-Id", "corr-warrant")
                        .post("/api/cases/" + caseId + "/warrants", warrantBody("W-2", "FBI")),
                201);

        List<? extends DomainEventMessage<?>> events =
                eventStore.readEvents(caseId, 0).asStream().toList();
        assertThat(events.get(0).getMetaData())
                .containsEntry("actor", "officer")
                .containsEntry("role", "OFFICER")
                .containsEntry("correlationId", "corr-flag")
                .containsEntry("idempotencyKey", "key-" + caseId)
                .doesNotContainKey("agency");
        assertThat(events.get(2).getMetaData())
                .containsEntry("actor", "liaison-fbi")
                .containsEntry("role", "LIAISON")
                .containsEntry("agency", "FBI")
                .containsEntry("correlationId", "corr-warrant");
    }

    @Test
    void aGeneratedCaseIdIsAnsweredAndACorrelationIdIsGenerated() {
        String body = flagBody("ignored").replace("\"caseId\": \"ignored\", ", "");
        Response flagged = api.as("officer").post("/api/cases", body);
        assertThat(flagged.status()).isEqualTo(201);
        String caseId = flagged.json().get("caseId").asText();
        assertThat(caseId).matches("[0-9a-f-]{36}");
        assertThat(flagged.header("Location")).isEqualTo("/api/cases/" + caseId);
        assertThat(flagged.header("X-Correlation-Id")).isNotBlank();
    }
}

package io.holdfast.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.holdfast.client.ApiClient;
import io.holdfast.client.ApiException;
import io.holdfast.client.api.AuditApi;
import io.holdfast.client.api.CasesApi;
import io.holdfast.client.model.ApprovalBody;
import io.holdfast.client.model.CaseHistory;
import io.holdfast.client.model.CaseView;
import io.holdfast.client.model.EvidenceBody;
import io.holdfast.client.model.FlagAccountBody;
import io.holdfast.client.model.HoldingBody;
import io.holdfast.client.model.NoteBody;
import io.holdfast.client.model.Problem;
import io.holdfast.client.model.ReasonBody;
import io.holdfast.client.model.RecordWarrantBody;
import io.holdfast.client.model.ReleaseBody;
import io.holdfast.client.model.RequestFreezeBody;
import io.holdfast.client.model.ScopeBody;
import io.holdfast.client.model.SubjectBody;
import io.holdfast.client.model.WriteAnswer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A whole case driven through a Java client generated from docs/openapi.json, the contract, as a
 * liaison portal's team would build one: flag to release, a read waiting for a version, the
 * history, and a 409, a 412 and a 404 read as the problem documents the contract describes.
 */
class GeneratedClientLifecycleTest extends HttpApiSupport {

    private static final String HASH = "a".repeat(64);

    private ApiClient signedInAs(String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + credentials));
        return client;
    }

    @Test
    void aCaseRunsFromFlagToReleaseThroughTheGeneratedClient() throws Exception {
        CasesApi officer = new CasesApi(signedInAs("officer"));
        CasesApi supervisor = new CasesApi(signedInAs("supervisor"));
        ApiClient auditorClient = signedInAs("auditor");
        String caseId = newCaseId();

        WriteAnswer flagged = officer.flag(
                new FlagAccountBody()
                        .caseId(caseId)
                        .accountId("ACC-CLIENT-1")
                        .subject(new SubjectBody().holderName("Kim Sang Man").walletAddresses(List.of("bc1qexample")))
                        .reason(new ReasonBody()
                                .type(ReasonBody.TypeEnum.SANCTIONS_MATCH)
                                ._list("OFAC-SDN")
                                .listEntryId("SDN-12345")
                                .details("wallet match"))
                        .evidence(List.of(new EvidenceBody()
                                .description("screening hit report")
                                .sha256(HASH))),
                "client-flag",
                null);
        assertThat(flagged.getCaseId()).isEqualTo(caseId);
        officer.recordWarrant(
                caseId,
                new RecordWarrantBody()
                        .warrantId("W-1")
                        .orderType(RecordWarrantBody.OrderTypeEnum.SEIZURE_WARRANT)
                        .issuingAuthority("U.S. District Court for the District of Columbia")
                        .requestingAgency("FBI")
                        .jurisdiction("US-DC")
                        .referenceNumber("23-SW-0412")
                        .issuedAt(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1))
                        .expiresAt(OffsetDateTime.now(ZoneOffset.UTC).plusYears(1))
                        .scope(List.of(
                                new ScopeBody().asset("USDT").maxAmount("3100000"), new ScopeBody().asset("BTC")))
                        .documentSha256("b".repeat(64)),
                null,
                null,
                null);
        officer.requestFreeze(
                caseId,
                new RequestFreezeBody()
                        .requestId("R-1")
                        .warrantId("W-1")
                        .holdings(List.of(
                                new HoldingBody().asset("USDT").amount("3050000.00"),
                                new HoldingBody().asset("BTC").amount("49.5"))),
                null,
                null,
                null);
        WriteAnswer approved =
                supervisor.approve(caseId, "R-1", null, null, null, new ApprovalBody().comment("checked"));
        WriteAnswer partly = supervisor.release(
                caseId,
                new ReleaseBody()
                        .holdings(List.of(new HoldingBody().asset("BTC").amount("10")))
                        .reason(ReleaseBody.ReasonEnum.ORDER_LIFTED)
                        .authorityReference("23-SW-0412-A"),
                "\"" + approved.getVersion() + "\"",
                null,
                null);
        WriteAnswer released = supervisor.release(
                caseId,
                new ReleaseBody()
                        .holdings(null)
                        .reason(ReleaseBody.ReasonEnum.ORDER_LIFTED)
                        .authorityReference("23-SW-0412-B"),
                null,
                null,
                "client-release-rest");
        assertThat(released.getVersion()).isEqualTo(partly.getVersion() + 1);

        CaseView view = new CasesApi(auditorClient).viewCase(caseId, null, released.getVersion(), null);
        assertThat(view.getStatus()).isEqualTo(CaseView.StatusEnum.RELEASED);
        assertThat(view.getVersion()).isEqualTo(released.getVersion());
        CaseHistory history = new AuditApi(auditorClient).caseHistory(caseId, released.getVersion(), null);
        assertThat(history.getEntries()).hasSize((int) (released.getVersion() + 1));
        assertThat(history.getEntries().get(0).getCorrelationId()).isEqualTo("client-flag");

        Problem conflict = problem(
                () -> officer.requestFreeze(
                        caseId,
                        new RequestFreezeBody()
                                .requestId("R-2")
                                .warrantId("W-404")
                                .holdings(List.of(new HoldingBody().asset("BTC").amount("1"))),
                        null,
                        null,
                        null),
                409);
        assertThat(conflict.getType()).isEqualTo("/problems/rule-violated");
        Problem stale = problem(() -> officer.addNote(caseId, new NoteBody().text("late"), "\"1\"", null, null), 412);
        assertThat(stale.getType()).isEqualTo("/problems/version-mismatch");
        Problem missing = problem(() -> new CasesApi(auditorClient).viewCase("CASE-NOT-THERE", null, null, null), 404);
        assertThat(missing.getType()).isEqualTo("/problems/not-found");
        assertThat(missing.getCorrelationId()).isNotBlank();
    }

    private interface Call {
        void run() throws ApiException;
    }

    /** The problem document of a refused call, read with the client's own mapper into the contract's Problem. */
    private Problem problem(Call call, int status) throws Exception {
        ApiException refused = catchThrowableOfType(ApiException.class, call::run);
        assertThat(refused).as("the call was refused").isNotNull();
        assertThat(refused.getCode()).as(refused.getResponseBody()).isEqualTo(status);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        Problem problem = new ApiClient().getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(status);
        assertThat(problem.getDetail()).isNotBlank();
        return problem;
    }
}

package io.holdfast.app.http;

import static io.holdfast.app.http.Api.expect;
import static io.holdfast.app.http.Api.flagBody;
import static io.holdfast.app.http.Api.lawEnforcementFlagBody;
import static io.holdfast.app.http.Api.warrantBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.http.Api.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The production way in: JWTs from the identity provider, with role and agency read from claims. */
class JwtHttpTest extends HttpApiSupport {

    @Test
    void anOfficersTokenFlagsACase() {
        Response flagged = api.call()
                .bearer(TestTokens.token("alice@exchange", List.of("OFFICER"), null))
                .post("/api/cases", flagBody(newCaseId()));
        assertThat(flagged.status()).isEqualTo(201);
    }

    @Test
    void aRoleClaimMayBeAPlainStringOrCarryTheRolePrefix() {
        assertThat(api.call()
                        .bearer(TestTokens.token("bob", "officer", null))
                        .post("/api/cases", flagBody(newCaseId()))
                        .status())
                .isEqualTo(201);
        assertThat(api.call()
                        .bearer(TestTokens.token("bob", List.of("ROLE_OFFICER", "some-other-app-role"), null))
                        .post("/api/cases", flagBody(newCaseId()))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void theTokensRoleIsEnforced() {
        assertThat(api.call()
                        .bearer(TestTokens.token("carol", List.of("AUDITOR"), null))
                        .post("/api/cases", flagBody(newCaseId()))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aLiaisonsAgencyComesFromItsClaim() {
        String liaison = TestTokens.token("agent-7", List.of("LIAISON"), "HSI");
        String caseId = newCaseId();
        expect(api.call().bearer(liaison).post("/api/cases", lawEnforcementFlagBody(caseId, "HSI")), 201);
        assertThat(api.call()
                        .bearer(liaison)
                        .post("/api/cases", lawEnforcementFlagBody(newCaseId(), "FBI"))
                        .status())
                .isEqualTo(403);
        assertThat(api.call()
                        .bearer(liaison)
                        .post("/api/cases/" + caseId + "/warrants", warrantBody("W-1", "HSI"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void twoTokensOfDifferentUsersKeepFourEyes() {
        String caseId = newCaseId();
        String supervisorA = TestTokens.token("sup-a", List.of("SUPERVISOR"), null);
        String supervisorB = TestTokens.token("sup-b", List.of("SUPERVISOR"), null);
        expect(api.call().bearer(supervisorA).post("/api/cases", flagBody(caseId)), 201);
        expect(
                api.call().bearer(supervisorA).post("/api/cases/" + caseId + "/warrants", warrantBody("W-1", "FBI")),
                201);
        expect(
                api.call()
                        .bearer(supervisorA)
                        .post("/api/cases/" + caseId + "/freeze-requests", Api.freezeRequestBody("R-1", "W-1")),
                201);
        assertThat(api.call()
                        .bearer(supervisorA)
                        .post("/api/cases/" + caseId + "/freeze-requests/R-1/approval", "{}")
                        .status())
                .isEqualTo(409);
        assertThat(api.call()
                        .bearer(supervisorB)
                        .post("/api/cases/" + caseId + "/freeze-requests/R-1/approval", "{}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aTokenWithoutARoleIsRefused() {
        Response refused =
                api.call().bearer(TestTokens.token("dave", null, null)).post("/api/cases", flagBody(newCaseId()));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asText()).contains("exactly one Holdfast role");
    }

    @Test
    void aTokenWithTwoRolesIsRefused() {
        assertThat(api.call()
                        .bearer(TestTokens.token("eve", List.of("OFFICER", "ADMIN"), null))
                        .post("/api/cases", flagBody(newCaseId()))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void noTokenCanActAsHoldfastItself() {
        String byRole = TestTokens.token("mallory", List.of("SYSTEM"), null);
        String byName = TestTokens.token("system:screening", List.of("OFFICER"), null);

        assertThat(api.call()
                        .bearer(byRole)
                        .post("/api/cases", flagBody(newCaseId()))
                        .status())
                .isEqualTo(401);
        Response refused = api.call().bearer(byName).post("/api/cases", flagBody(newCaseId()));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asText()).contains("reserved for Holdfast itself");
    }

    @Test
    void aLiaisonTokenWithoutAgencyIsRefused() {
        assertThat(api.call()
                        .bearer(TestTokens.token("frank", List.of("LIAISON"), null))
                        .post("/api/cases", lawEnforcementFlagBody(newCaseId(), "FBI"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertThat(api.call()
                        .bearer(TestTokens.expiredToken("grace", List.of("OFFICER")))
                        .post("/api/cases", flagBody(newCaseId()))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        assertThat(api.call()
                        .bearer(TestTokens.tokenSignedByAStranger("mallory", List.of("SUPERVISOR")))
                        .post("/api/cases", flagBody(newCaseId()))
                        .status())
                .isEqualTo(401);
    }
}

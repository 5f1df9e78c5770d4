package io.holdfast.app.http;

import static io.holdfast.app.http.Api.expect;
import static io.holdfast.app.http.Api.lawEnforcementFlagBody;
import static io.holdfast.app.http.Api.warrantBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.app.http.Api.Response;
import org.junit.jupiter.api.Test;

/** A liaison speaks only for its own agency, and other agencies' cases do not exist for it. */
class LiaisonIsolationHttpTest extends HttpApiSupport {

    @Test
    void aLiaisonFlagsOnARequestOfItsOwnAgency() {
        Response flagged = api.as("liaison-fbi").post("/api/cases", lawEnforcementFlagBody(newCaseId(), "FBI"));
        assertThat(flagged.status()).isEqualTo(201);
    }

    @Test
    void aLiaisonMayNotFlagForAnotherAgency() {
        Response refused = api.as("liaison-fbi").post("/api/cases", lawEnforcementFlagBody(newCaseId(), "HSI"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText())
                .isEqualTo("a liaison of FBI may flag an account only on a law-enforcement request of FBI");
    }

    @Test
    void aLiaisonMayNotFlagASanctionsMatch() {
        assertThat(api.as("liaison-fbi")
                        .post("/api/cases", Api.flagBody(newCaseId()))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aLiaisonAddsWarrantsOfItsAgencyToItsAgencysCases() {
        String caseId = newCaseId();
        expect(api.as("liaison-fbi").post("/api/cases", lawEnforcementFlagBody(caseId, "FBI")), 201);
        assertThat(api.as("liaison-fbi")
                        .post("/api/cases/" + caseId + "/warrants", warrantBody("W-1", "FBI"))
                        .status())
                .isEqualTo(201);
        Response otherAgencysWarrant =
                api.as("liaison-fbi").post("/api/cases/" + caseId + "/warrants", warrantBody("W-2", "HSI"));
        assertThat(otherAgencysWarrant.status()).isEqualTo(403);
    }

    @Test
    void anotherAgencysCaseIsNotFoundExactlyLikeAMissingOne() {
        String caseId = newCaseId();
        expect(api.as("liaison-fbi").post("/api/cases", lawEnforcementFlagBody(caseId, "FBI")), 201);

        Response hidden = api.as("liaison-hsi").post("/api/cases/" + caseId + "/warrants", warrantBody("W-1", "HSI"));
        Response missing = api.as("liaison-hsi").post("/api/cases/NO-SUCH-CASE/warrants", warrantBody("W-1", "HSI"));
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        JsonNode hiddenProblem = hidden.json();
        JsonNode missingProblem = missing.json();
        assertThat(hiddenProblem.get("detail").asText()).isEqualTo("case " + caseId + " was not found");
        assertThat(hiddenProblem.has("policy")).isFalse();
        assertThat(hiddenProblem.get("type")).isEqualTo(missingProblem.get("type"));
        assertThat(hiddenProblem.get("title")).isEqualTo(missingProblem.get("title"));
    }

    @Test
    void anAgencyBecomesPartyThroughItsWarrant() {
        String caseId = newCaseId();
        expect(api.as("liaison-fbi").post("/api/cases", lawEnforcementFlagBody(caseId, "FBI")), 201);
        expect(api.as("officer").post("/api/cases/" + caseId + "/warrants", warrantBody("W-1", "HSI")), 201);
        assertThat(api.as("liaison-hsi")
                        .post("/api/cases/" + caseId + "/warrants", warrantBody("W-2", "HSI"))
                        .status())
                .isEqualTo(201);
    }
}

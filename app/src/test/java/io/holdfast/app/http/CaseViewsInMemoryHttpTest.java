package io.holdfast.app.http;

import static io.holdfast.app.http.Api.expect;
import static io.holdfast.app.http.Api.lawEnforcementFlagBody;
import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A case read soon after its change is answered from the views this node's projection wrote, and
 * from the database again as soon as this node's hold on the case-view projection may have changed.
 * The case's stored view is taken away behind Holdfast's back to tell the two answers apart.
 */
class CaseViewsInMemoryHttpTest extends HttpApiSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TokenStore tokens;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aCaseReadSoonAfterItsChangeIsAnsweredFromMemoryUntilTheProjectionsClaimsChange() {
        String caseId = newCaseId();
        expect(api.as("liaison-fbi").post("/api/cases", lawEnforcementFlagBody(caseId, "FBI")), 201);
        expect(api.as("liaison-fbi").get("/api/cases/" + caseId + "?minVersion=0"), 200);
        assertThat(jdbc.update("delete from case_view where case_id = ?", caseId))
                .isEqualTo(1);

        Api.Response fromMemory = api.as("liaison-fbi").get("/api/cases/" + caseId);
        assertThat(fromMemory.status()).isEqualTo(200);
        assertThat(fromMemory.json().get("caseId").asText()).isEqualTo(caseId);
        assertThat(api.as("liaison-hsi").get("/api/cases/" + caseId).status())
                .as("a view kept in memory is shown only to whom the case is visible")
                .isEqualTo(404);

        new TransactionTemplate(transactions).executeWithoutResult(status -> tokens.fetchToken("case-views", 0));

        assertThat(api.as("liaison-fbi").get("/api/cases/" + caseId).status())
                .as("after a claim of the case-view projection, the database answers")
                .isEqualTo(404);
    }
}

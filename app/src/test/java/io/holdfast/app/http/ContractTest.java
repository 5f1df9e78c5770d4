package io.holdfast.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The check every HTTP test's answers pass through finds what breaks the contract. */
class ContractTest {

    private static final String VERIFICATION = "/api/audit/ledger/verification";

    @Test
    void anAnswerOfTheDocumentedShapeKeepsTheContract() {
        assertThat(Contract.breaches(
                        "GET",
                        VERIFICATION,
                        200,
                        "application/json",
                        "{\"valid\":true,\"treeSize\":3,\"checkpointTreeSize\":null,\"firstDifference\":null,"
                                + "\"keysIntroducedWithoutThePreviousKey\":[]}"))
                .isEmpty();
    }

    @Test
    void aValueOfAnotherTypeAnUndocumentedStatusOrContentTypeBreaksIt() {
        assertThat(Contract.breaches(
                        "GET",
                        VERIFICATION,
                        200,
                        "application/json",
                        "{\"valid\":\"yes\",\"treeSize\":3,\"checkpointTreeSize\":null,\"firstDifference\":null,"
                                + "\"keysIntroducedWithoutThePreviousKey\":[]}"))
                .singleElement()
                .asString()
                .contains("/valid");
        assertThat(Contract.breaches("GET", VERIFICATION, 418, "application/json", "{}"))
                .singleElement()
                .asString()
                .contains("the status is not documented");
        assertThat(Contract.breaches("GET", VERIFICATION, 200, "text/plain", "valid"))
                .singleElement()
                .asString()
                .contains("content type text/plain is not documented");
        assertThat(Contract.breaches("PATCH", "/api/cases/CASE-1", 200, "application/json", "{}"))
                .singleElement()
                .asString()
                .contains("the contract has no such operation");
    }

    @Test
    void aConcretePathIsReadAsTheMostLiteralTemplate() {
        assertThat(Contract.template("/api/cases/CASE-1/history/verification"))
                .isEqualTo("/api/cases/{caseId}/history/verification");
        assertThat(Contract.template("/api/audit/ledger/checkpoints/latest"))
                .isEqualTo("/api/audit/ledger/checkpoints/latest");
    }

    @Test
    void aBodyTheServiceAcceptedMustBeOneTheContractAllows() {
        assertThat(Contract.requestBreaches(
                        "POST", "/api/cases/CASE-1/notes", "application/json", "{\"text\": \"checked\"}"))
                .isEmpty();
        assertThat(Contract.requestBreaches("POST", "/api/cases/CASE-1/notes", "application/json", "{\"text\": 42}"))
                .singleElement()
                .asString()
                .contains("(request accepted)");
        assertThat(Contract.requestBreaches(
                        "POST", "/api/cases/CASE-1/notes", "application/json", "{\"text\": \"hidden\\u0007bell\"}"))
                .as("free text holds no control characters")
                .isNotEmpty();
        assertThat(Contract.requestBreaches(
                        "POST", "/api/cases/CASE-1/notes", "application/json", "{\"text\": \"   \"}"))
                .as("a blank note says nothing")
                .isNotEmpty();
        assertThat(Contract.requestBreaches(
                        "POST", "/api/cases/CASE-1/notes", "application/json", "{\"text\": \"two\\nlines\"}"))
                .isEmpty();
        String sanctionsMatchWithoutList = Api.flagBody("CASE-1").replace("\"list\": \"OFAC-SDN\",", "");
        assertThat(Contract.requestBreaches("POST", "/api/cases", "application/json", sanctionsMatchWithoutList))
                .as("a sanctions match names its list")
                .isNotEmpty();
        assertThat(Contract.requestBreaches("POST", "/api/cases", "application/json", Api.flagBody("CASE-1")))
                .isEmpty();
    }
}

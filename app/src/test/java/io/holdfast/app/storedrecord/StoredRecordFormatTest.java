package io.holdfast.app.storedrecord;

import static io.holdfast.app.http.Api.expect;
import static io.holdfast.app.http.Api.noteBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.app.http.Api;
import io.holdfast.app.http.HttpApiSupport;
import io.holdfast.app.serialization.StoredTypeNames;
import io.holdfast.kernel.freezecase.CaseEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a case played through the API stores: plain JSON of each event's own fields, under a
 * stored name from {@link StoredTypeNames} and a revision, with no Java class name anywhere.
 */
class StoredRecordFormatTest extends HttpApiSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCaseIsStoredAsPlainJsonUnderStableNamesAndRevisions() {
        String caseId = newCaseId();
        api.frozenCase(caseId);
        expect(api.as("supervisor").post("/api/cases/" + caseId + "/releases", """
                {"holdings": [{"asset": "BTC", "amount": "1"}], "reason": "ORDER_LIFTED", "authorityReference": "A-1"}"""), 201);
        expect(api.as("officer").post("/api/cases/" + caseId + "/notes", noteBody("stored as it was said")), 201);

        List<Map<String, Object>> rows = jdbc.queryForList(
                "select payload_type, payload_revision, payload, meta_data"
                        + " from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                caseId);
        assertThat(rows).hasSize(6);
        for (Map<String, Object> row : rows) {
            String type = (String) row.get("PAYLOAD_TYPE");
            String payload = new String((byte[]) row.get("PAYLOAD"), StandardCharsets.UTF_8);
            String metadata = new String((byte[]) row.get("META_DATA"), StandardCharsets.UTF_8);
            assertThat(StoredTypeNames.all()).as("stored names").containsKey(type);
            assertThat(type).doesNotStartWith("io.holdfast");
            assertThat(row.get("PAYLOAD_REVISION")).as(type).isEqualTo("1");
            assertThat(payload + metadata)
                    .as(type)
                    .doesNotContain("java.", "io.holdfast", "\"liaison\"", "\"limited\"");
        }
        String flagged = new String((byte[]) rows.get(0).get("PAYLOAD"), StandardCharsets.UTF_8);
        assertThat(rows.get(0).get("PAYLOAD_TYPE")).isEqualTo("holdfast.case.AccountFlagged");
        assertThat(flagged).contains("\"walletAddresses\":[\"bc1qexample\"]");
    }

    /** Every event this test run stored so far (this suite's and the other HTTP suites' cases) meets its schema. */
    @Test
    void everyStoredEventValidatesAgainstItsPublishedSchema() throws Exception {
        String caseId = newCaseId();
        api.fbiCaseFrozenWithAPendingRequest(caseId);
        expect(
                api.as("supervisor")
                        .post("/api/cases/" + caseId + "/freeze-requests/R-2/rejection", "{\"reason\": \"no\"}"),
                200);
        expect(api.as("supervisor").post("/api/cases/" + caseId + "/turnovers", """
                {"destination": "FBI", "authorityReference": "T-1"}"""), 201);
        String dismissed = newCaseId();
        expect(api.as("officer").post("/api/cases", Api.lawEnforcementFlagBody(dismissed, "HSI")), 201);
        expect(api.as("officer").post("/api/cases/" + dismissed + "/dismissal", "{\"reason\": \"duplicate\"}"), 200);

        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> rows = jdbc.queryForList("select payload_type, payload_revision, payload"
                + " from domain_event_entry where payload_revision is not null");
        assertThat(rows).hasSizeGreaterThan(10);
        for (Map<String, Object> row : rows) {
            String type = (String) row.get("PAYLOAD_TYPE");
            String revision = (String) row.get("PAYLOAD_REVISION");
            JsonNode payload = json.readTree((byte[]) row.get("PAYLOAD"));
            assertThat(EventSchemas.file(type, revision))
                    .as("the schema of " + type)
                    .exists();
            assertThat(EventSchemas.check(type, revision, payload))
                    .as(type + " " + payload)
                    .isEmpty();
        }
    }

    @Test
    void everyEventTypeHasAStoredNameAndARevision() {
        for (Class<?> event : CaseEvent.class.getPermittedSubclasses()) {
            assertThat(StoredTypeNames.nameOf(event)).as(event.getSimpleName()).isPresent();
            assertThat(event.getAnnotation(Revision.class))
                    .as(event.getSimpleName() + " @Revision")
                    .isNotNull();
        }
        StoredTypeNames.all().forEach((name, type) -> {
            assertThat(name).startsWith("holdfast.").doesNotContain("io.").doesNotContain("$");
            if (!type.getSimpleName().endsWith("Id")) {
                assertThat(type.getAnnotation(Revision.class))
                        .as(name + " @Revision")
                        .isNotNull();
            }
        });
    }
}

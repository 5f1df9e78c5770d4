package io.holdfast.app.http;

import static io.holdfast.app.http.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.command.sanctions.ofac.OfacData;
import io.holdfast.command.screening.ScreeningCaseIds;
import io.holdfast.kernel.AccountId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * OFAC's real CSV set of 2021-07 uploaded as its four parts: an address that sdn.csv cuts and
 * sdn_comments.csv continues is designated whole and found by lookup; without the comments part
 * the upload is refused with a 400 asking for it, and nothing is recorded; an account holding that
 * address is flagged by the screening the import starts. A store of its own: a
 * second list changes what the other suites' list reads show.
 */
@TestPropertySource(properties = "holdfast.test.mode=real-ofac-files")
class RealOfacCsvSetHttpTest extends HttpApiSupport {

    private static final String LIST = "OFAC-SDN-CSV-2021";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSetWithItsCommentsDesignatesTheContinuedAddressWhole() throws Exception {
        Path data = OfacData.folder();
        assumeTrue(data != null, OfacData.WHERE_TO_PUT_THEM);
        Path set = data.resolve("csv-set-2021-07-07");

        Api.Response refused = upload(set, false);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("sdn_comments.csv", "30518");
        assertThat(api.as("auditor").get("/api/sanctions/lists").body()).doesNotContain(LIST);

        String continuedAddress = addressContinuedInComments(set);
        String holder = "ACC-CONTINUED-" + UUID.randomUUID().toString().substring(0, 8);
        expect(api.as("officer").put("/api/accounts/" + holder + "/addresses", """
                {"holderName": "Lee Jae-won", "addresses": [{"currency": "XBT", "address": "%s"}]}
                """.formatted(continuedAddress)), 200);

        JsonNode imported = expect(upload(set, true), 201).json();
        assertThat(imported.get("entries").asInt()).isEqualTo(8_976);
        assertThat(imported.get("addresses").asInt()).isEqualTo(97);

        JsonNode found = null;
        for (int i = 0; i < 100; i++) {
            found = expect(api.as("officer").get("/api/sanctions/entries?address=" + continuedAddress), 200)
                    .json();
            if (!found.get("entries").isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(found.get("entries")).hasSize(1);
        assertThat(found.get("entries").get(0).get("uid").asText()).isEqualTo("30518");
        String screened =
                ScreeningCaseIds.caseIdFor(LIST, "30518", AccountId.of(holder)).value();
        Api.Response flagged = api.as("officer").get("/api/cases/" + screened);
        for (int i = 0; i < 300 && flagged.status() == 404; i++) {
            Thread.sleep(100);
            flagged = api.as("officer").get("/api/cases/" + screened);
        }
        assertThat(expect(flagged, 200)
                        .json()
                        .path("sanctionsMatch")
                        .path("listedAddress")
                        .path("address")
                        .asText())
                .as("screening flags the holder of the address sdn_comments.csv completes")
                .isEqualTo(continuedAddress);
        assertThat(api.as("officer")
                        .get("/api/sanctions/entries?address=1Gq")
                        .json()
                        .get("entries"))
                .as("the piece sdn.csv leaves is no address")
                .isEmpty();
        byte[] stored = jdbc.queryForObject(
                "select payload from domain_event_entry where aggregate_identifier = ?"
                        + " and payload_type = 'holdfast.sanctions.SanctionsListVersionImported'",
                byte[].class,
                "sanctions-list/" + LIST);
        assertThat(new String(stored, StandardCharsets.UTF_8))
                .contains(
                        "\"fileName\":\"sdn.csv\",\"parts\":[\"sdn.csv\",\"alt.csv\",\"add.csv\",\"sdn_comments.csv\"]");
    }

    /** The id of 30518 that sdn.csv cuts after "1Gq", completed from sdn_comments.csv, read here without Holdfast. */
    private static String addressContinuedInComments(Path set) throws IOException {
        String comments = Files.readString(set.resolve("sdn_comments.csv"), StandardCharsets.ISO_8859_1);
        Matcher rest = Pattern.compile("(?m)^30518,\"([A-Za-z0-9]+)").matcher(comments);
        assertThat(rest.find()).isTrue();
        return "1Gq" + rest.group(1);
    }

    private Api.Response upload(Path set, boolean withComments) throws IOException {
        String boundary = "holdfast-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String[][] parts = {
            {"file", "sdn.csv"}, {"alt", "alt.csv"}, {"add", "add.csv"}, {"comments", "sdn_comments.csv"}
        };
        for (String[] part : parts) {
            if (part[0].equals("comments") && !withComments) {
                continue;
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part[0] + "\"; filename=\""
                            + part[1] + "\"\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            body.write(Files.readAllBytes(set.resolve(part[1])));
            body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return api.as("officer")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .post("/api/sanctions/lists?list=" + LIST + "&publicationDate=2021-07-07", body.toByteArray());
    }
}

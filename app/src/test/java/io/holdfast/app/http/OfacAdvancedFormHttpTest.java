package io.holdfast.app.http;

import static io.holdfast.app.http.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.command.sanctions.ofac.OfacFiles;
import io.holdfast.command.screening.ScreeningCaseIds;
import io.holdfast.kernel.AccountId;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;

/**
 * OFAC's advanced XML form over HTTP: told from the classic form by its root element, imported as the
 * list it is (the SDN list, or the consolidated non-SDN list as a list of its own with its own
 * versions), and screened, the case naming the list it matched. Shares its store with the other
 * suites of OFAC's files, whose lists have other names.
 */
@TestPropertySource(properties = "holdfast.test.mode=real-ofac-files")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfacAdvancedFormHttpTest extends HttpApiSupport {

    private static final String HOLDER =
            "ACC-CONS-" + UUID.randomUUID().toString().substring(0, 8);
    /** An address only the consolidated list names, different on every run. */
    private static final String CONSOLIDATED_ONLY = "0x" + HexFormat.of().formatHex(randomBytes(20));

    private static final String GARANTEX_USDT = "0x7F367cC41522cE07553e823bf3be79A889DEbe1B";

    @Test
    @Order(1)
    void theAdvancedSdnFileImportsAsTheSdnList() {
        JsonNode imported = expect(importXml(OfacFiles.bytes(OfacFiles.ADVANCED_V1), ""), 201)
                .json();

        assertThat(imported.path("list").asText()).isEqualTo("OFAC-SDN");
        assertThat(imported.path("format").asText()).isEqualTo("SDN_ADVANCED_XML");
        assertThat(imported.path("publicationDate").asText()).isEqualTo("2026-11-18");
        assertThat(imported.path("entries").asInt()).isEqualTo(4);
        assertThat(imported.path("addresses").asInt()).isEqualTo(7);
    }

    @Test
    @Order(2)
    void theConsolidatedFileUploadedAsTheSdnListIsRefusedNamingTheList() {
        Api.Response refused = importXml(consolidated(), "?list=OFAC-SDN");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asText())
                .contains(
                        "list is OFAC-SDN but the file is OFAC's consolidated non-SDN list",
                        "import it as OFAC-CONSOLIDATED");
        assertThat(api.as("auditor").get("/api/sanctions/lists").body()).doesNotContain("OFAC-CONSOLIDATED");
    }

    @Test
    @Order(3)
    void theConsolidatedListIsAListOfItsOwnAndItsMatchesNameIt() throws Exception {
        expect(
                api.as("officer")
                        .put(
                                "/api/accounts/" + HOLDER + "/addresses",
                                "{\"holderName\": \"Ivanova Marta\", \"addresses\": [{\"currency\": \"USDT\", \"address\": \""
                                        + CONSOLIDATED_ONLY + "\", \"kind\": \"DEPOSIT\"}]}"),
                200);

        JsonNode imported = expect(importXml(consolidated(), ""), 201).json();
        assertThat(imported.path("list").asText()).isEqualTo("OFAC-CONSOLIDATED");
        assertThat(imported.path("version").asLong()).isEqualTo(1);

        JsonNode lists =
                expect(api.as("auditor").get("/api/sanctions/lists"), 200).json();
        JsonNode sdn = null;
        for (JsonNode list : lists.path("lists")) {
            if (list.path("list").asText().equals("OFAC-SDN")) {
                sdn = list;
            }
        }
        assertThat(sdn).as("the SDN list stays as it was: %s", lists).isNotNull();
        assertThat(sdn.path("currentVersion").asLong()).isEqualTo(1);
        assertThat(sdn.path("versions").get(0).path("entryCount").asInt()).isEqualTo(4);

        String caseId = ScreeningCaseIds.caseIdFor("OFAC-CONSOLIDATED", "40001", AccountId.of(HOLDER))
                .value();
        Api.Response flagged = api.as("officer").get("/api/cases/" + caseId);
        for (int i = 0; i < 300 && flagged.status() == 404; i++) {
            Thread.sleep(100);
            flagged = api.as("officer").get("/api/cases/" + caseId);
        }
        JsonNode view = expect(flagged, 200).json();
        assertThat(view.path("reason").path("list").asText()).isEqualTo("OFAC-CONSOLIDATED");
        assertThat(view.path("sanctionsMatch").path("list").asText()).isEqualTo("OFAC-CONSOLIDATED");
        assertThat(view.path("sanctionsMatch")
                        .path("listedAddress")
                        .path("address")
                        .asText())
                .isEqualTo(CONSOLIDATED_ONLY);
    }

    /** The same parties on one of OFAC's non-SDN lists, Garantex's USDT address replaced by one of this run. */
    private static byte[] consolidated() {
        return OfacFiles.text(OfacFiles.ADVANCED_V1)
                .replace("ListID=\"1550\"", "ListID=\"91507\"")
                .replace(GARANTEX_USDT, CONSOLIDATED_ONLY)
                .getBytes(StandardCharsets.UTF_8);
    }

    private Api.Response importXml(byte[] body, String query) {
        return api.as("officer").header("Content-Type", "application/xml").post("/api/sanctions/lists" + query, body);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}

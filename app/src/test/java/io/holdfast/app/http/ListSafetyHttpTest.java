package io.holdfast.app.http;

import static io.holdfast.app.http.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.command.sanctions.ofac.OfacData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * What an import may not do to OFAC's SDN list, with OFAC's real files: a consolidated (non-SDN)
 * file never becomes a version of the SDN list; a file that would delist more than 5 % waits for a
 * second person while screening keeps the current version; an entry whose remarks sdn.csv cuts
 * keeps the addresses the previous version knew past the cut. A store of its own, as it imports
 * under OFAC-SDN's own name.
 */
@TestPropertySource(properties = "holdfast.test.mode=list-safety")
class ListSafetyHttpTest extends HttpApiSupport {

    /** Two rows as OFAC's cons_prim.csv writes them: entries of the NS-PLC and SSI lists. */
    private static final String CONS_PRIM = """
            9702,"SALAMEH, Salem",individual,"NS-PLC",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"HAMAS - Der al-Balah."\r
            17254,"AK TRANSNEFT OAO","-0- ","SSI",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"For more information on directives."\r
            """;

    /** An entry whose remarks sdn.csv of 2024-05-02 cuts, with addresses past the cut in 2021 sdn_comments.csv. */
    private static final String CUT_ENTRY = "29703";

    @Test
    void theSdnListIsNeverReplacedByAnotherListOrEmptiedByOnePerson() throws Exception {
        Path data = OfacData.folder();
        assumeTrue(data != null, OfacData.WHERE_TO_PUT_THEM);
        Path set = data.resolve("csv-set-2021-07-07");

        JsonNode complete = expect(uploadSet(set), 201).json();
        assertThat(complete.path("list").asText()).isEqualTo("OFAC-SDN");
        assertThat(complete.path("entries").asInt()).isEqualTo(8_976);

        // OFAC's consolidated list in its classic CSV form is not the SDN list
        JsonNode consolidated = expect(csv(CONS_PRIM, "cons_prim.csv", "&publicationDate=2021-07-08"), 201)
                .json();
        assertThat(consolidated.path("list").asText()).isEqualTo("OFAC-CONSOLIDATED");
        Api.Response asSdn = csv(CONS_PRIM, "upload.csv", "&publicationDate=2021-07-08&list=OFAC-SDN");
        assertThat(asSdn.status()).as(asSdn.body()).isEqualTo(400);
        assertThat(asSdn.json().path("detail").asText())
                .contains("list is OFAC-SDN but the file is OFAC's consolidated non-SDN list")
                .contains("import it as OFAC-CONSOLIDATED");
        assertThat(sdn().path("currentVersion").asLong()).isEqualTo(1);

        // a file delisting nearly everyone waits for a second person; screening keeps version 1
        String twoSdnRows = firstLines(set.resolve("sdn.csv"), 2);
        Api.Response truncated = csv(twoSdnRows, "sdn.csv", "&publicationDate=2021-07-08");
        assertThat(truncated.status()).as(truncated.body()).isEqualTo(202);
        assertThat(truncated.json().path("held").asBoolean()).isTrue();
        JsonNode held = waitFor("/api/sanctions/lists/OFAC-SDN/held", json -> true);
        assertThat(held.path("entriesRemoved")).hasSize(8_974);
        assertThat(held.path("addressesRemoved").size()).isGreaterThan(90);
        assertThat(held.path("removalShareLimit").asDouble()).isEqualTo(0.05);
        assertThat(sdn().path("currentVersion").asLong()).isEqualTo(1);
        String listedAddress = held.path("addressesRemoved")
                .get(0)
                .path("address")
                .path("address")
                .asText();
        assertThat(expect(api.as("officer").get("/api/sanctions/entries?address=" + listedAddress), 200)
                        .json()
                        .path("entries"))
                .as("still designated while the file is held")
                .isNotEmpty();
        JsonNode withdrawn = expect(
                        api.as("supervisor")
                                .header("Content-Type", "application/json")
                                .post(
                                        "/api/sanctions/lists/OFAC-SDN/held/withdrawal",
                                        "{\"sha256\": \""
                                                + truncated
                                                        .json()
                                                        .path("sha256")
                                                        .asText() + "\"}"),
                        200)
                .json();
        assertThat(withdrawn.path("version").asLong()).isEqualTo(1);
        assertThat(withdrawn.path("recorded").asBoolean()).isFalse();
        waitForStatus("/api/sanctions/lists/OFAC-SDN/held", 404);

        // three years later, sdn.csv alone: entry 29703's remarks are cut, and its addresses stay designated
        Api.Response later = api.as("officer")
                .header("Content-Type", "text/csv")
                .post(
                        "/api/sanctions/lists?publicationDate=2024-05-02&fileName=sdn.csv&incompleteRemarks=accept",
                        Files.readAllBytes(data.resolve("sdn-2024-05-02.csv")));
        assertThat(later.status()).as("881 of 8,976 entries delisted: held").isEqualTo(202);
        assertThat(later.json().path("incompleteEntries").toString()).contains("\"" + CUT_ENTRY + "\"");
        Api.Response confirmed = api.as("supervisor")
                .header("Content-Type", "application/json")
                .post(
                        "/api/sanctions/lists/OFAC-SDN/held/confirmation",
                        "{\"sha256\": \"" + later.json().path("sha256").asText() + "\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
        assertThat(confirmed.json().path("version").asLong()).isEqualTo(2);

        JsonNode version2 = waitFor("/api/sanctions/lists/OFAC-SDN/versions/2", json -> true);
        Set<String> incomplete = new HashSet<>();
        version2.path("incompleteEntries").forEach(uid -> incomplete.add(uid.asText()));
        assertThat(incomplete).contains(CUT_ENTRY);
        int carriedOfCutEntry = 0;
        for (JsonNode carried : version2.path("addressesCarriedOver")) {
            assertThat(incomplete).contains(carried.path("entryUid").asText());
            if (carried.path("entryUid").asText().equals(CUT_ENTRY)) {
                carriedOfCutEntry++;
            }
        }
        assertThat(carriedOfCutEntry).as("the addresses of 29703 past the cut").isEqualTo(5);
        for (JsonNode removed : version2.path("addressesRemoved")) {
            assertThat(incomplete)
                    .as("an address of an entry the file gives only in part is never removed")
                    .doesNotContain(removed.path("entryUid").asText());
        }
        assertThat(version2.path("summary").path("addressesCarriedOver").asInt())
                .isEqualTo(version2.path("addressesCarriedOver").size());
        String carriedAddress = version2.path("addressesCarriedOver")
                .get(0)
                .path("address")
                .path("address")
                .asText();
        assertThat(expect(api.as("officer").get("/api/sanctions/entries?address=" + carriedAddress), 200)
                        .json()
                        .path("entries"))
                .as("a carried-over address is still found by lookup")
                .isNotEmpty();
    }

    /** OFAC-SDN as the list read shows it, once the projection has it. */
    private JsonNode sdn() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            for (JsonNode list : expect(api.as("auditor").get("/api/sanctions/lists"), 200)
                    .json()
                    .path("lists")) {
                if (list.path("list").asText().equals("OFAC-SDN")) {
                    return list;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("OFAC-SDN is not listed");
    }

    private JsonNode waitFor(String path, Predicate<JsonNode> ready) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Api.Response response = api.as("auditor").get(path);
            if (response.status() == 200 && ready.test(response.json())) {
                return response.json();
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " was not answered within 30 s");
    }

    private void waitForStatus(String path, int status) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (api.as("auditor").get(path).status() == status) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not answer " + status + " within 30 s");
    }

    private Api.Response csv(String text, String fileName, String query) {
        return api.as("officer")
                .header("Content-Type", "text/csv")
                .post("/api/sanctions/lists?fileName=" + fileName + query, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String firstLines(Path file, int count) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        int end = 0;
        for (int i = 0; i < count; i++) {
            end = text.indexOf('\n', end) + 1;
        }
        return text.substring(0, end);
    }

    private Api.Response uploadSet(Path set) throws IOException {
        String boundary = "holdfast-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String[][] parts = {
            {"file", "sdn.csv"}, {"alt", "alt.csv"}, {"add", "add.csv"}, {"comments", "sdn_comments.csv"}
        };
        for (String[] part : parts) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part[0] + "\"; filename=\""
                            + part[1] + "\"\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            body.write(Files.readAllBytes(set.resolve(part[1])));
            body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return api.as("officer")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .post("/api/sanctions/lists?publicationDate=2021-07-07", body.toByteArray());
    }
}

package io.holdfast.app.http;

import static io.holdfast.app.http.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.command.sanctions.ofac.OfacData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * OFAC's sdn.csv of three consecutive days of 2024 (without their sdn_comments.csv, which could
 * not be had): refused without it, imported when the uploader accepts the cut remarks (a warning,
 * the incomplete entries named, no cut piece designated), and each day's version differs from the
 * day before by exactly the entries OFAC added or removed, computed here from the files.
 */
@TestPropertySource(properties = "holdfast.test.mode=real-ofac-files")
class RealOfac2024DaysHttpTest extends HttpApiSupport {

    private static final String LIST = "OFAC-SDN-2024";

    @Test
    void eachDaysVersionDiffersByWhatOfacChangedThatDay() throws Exception {
        Path data = OfacData.folder();
        assumeTrue(data != null, OfacData.WHERE_TO_PUT_THEM);

        Api.Response refused = upload(data, "2024-05-01", "");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("sdn_comments.csv", "incompleteRemarks=accept");
        assertThat(upload(data, "2024-05-01", "&incompleteRemarks=yes")
                        .json()
                        .path("detail")
                        .asText())
                .contains("incompleteRemarks must be 'accept'");

        Api.Response first = expect(upload(data, "2024-05-01", "&incompleteRemarks=accept"), 201);
        assertThat(first.header("Warning")).startsWith("299 holdfast").contains("16 entries", "not designated");
        assertThat(first.json().path("incompleteEntries")).hasSize(16);
        assertThat(first.json().path("entries").asInt()).isEqualTo(14_966);
        expect(upload(data, "2024-05-02", "&incompleteRemarks=accept"), 201);
        expect(upload(data, "2024-05-03", "&incompleteRemarks=accept"), 201);

        JsonNode second = version(2);
        assertThat(uids(second.path("entriesAdded")))
                .isEqualTo(difference(data, "2024-05-02", "2024-05-01"))
                .hasSize(7);
        assertThat(second.path("entriesRemoved")).isEmpty();
        assertThat(second.path("entriesChanged")).isEmpty();
        JsonNode third = version(3);
        assertThat(uids(third.path("entriesRemoved")))
                .isEqualTo(difference(data, "2024-05-02", "2024-05-03"))
                .hasSize(8);
        assertThat(third.path("entriesAdded")).isEmpty();
        assertThat(third.path("entriesChanged")).isEmpty();

        for (String piece : List.of("1Gq", "1B64QRxf", "1N6XqS", "3F6bbvS1krsc1qR8FsbTDfYQyvkMm")) {
            assertThat(api.as("officer")
                            .get("/api/sanctions/entries?address=" + piece)
                            .json()
                            .path("entries"))
                    .as("the piece %s is no designated address", piece)
                    .isEmpty();
        }
    }

    /** A version as the list projection shows it, once it has caught up with the import. */
    private JsonNode version(int number) throws InterruptedException {
        Api.Response read = api.as("auditor").get("/api/sanctions/lists/" + LIST + "/versions/" + number);
        for (int i = 0; i < 300 && read.status() == 404; i++) {
            Thread.sleep(100);
            read = api.as("auditor").get("/api/sanctions/lists/" + LIST + "/versions/" + number);
        }
        return expect(read, 200).json();
    }

    private static Set<String> uids(JsonNode array) {
        Set<String> uids = new TreeSet<>();
        array.forEach(uid -> uids.add(uid.asText()));
        return uids;
    }

    /** The ent_nums of one day's sdn.csv that the other's lacks, read from the files without Holdfast. */
    private static Set<String> difference(Path data, String day, String otherDay) throws IOException {
        Set<String> other = entNums(data, otherDay);
        return entNums(data, day).stream()
                .filter(uid -> !other.contains(uid))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> entNums(Path data, String day) throws IOException {
        return Files.readAllLines(data.resolve("sdn-" + day + ".csv"), StandardCharsets.ISO_8859_1).stream()
                .filter(line -> !line.isBlank() && Character.isDigit(line.charAt(0)))
                .map(line -> line.substring(0, line.indexOf(',')))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Api.Response upload(Path data, String day, String query) throws IOException {
        return api.as("officer")
                .header("Content-Type", "text/csv")
                .post(
                        "/api/sanctions/lists?list=" + LIST + "&publicationDate=" + day + "&fileName=sdn.csv" + query,
                        Files.readAllBytes(data.resolve("sdn-" + day + ".csv")));
    }
}

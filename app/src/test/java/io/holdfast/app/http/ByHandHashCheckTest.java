package io.holdfast.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check of an audit entry by hand that docs/ledger.md gives, run as written (with curl, jq and sha256sum) against
 * a running Holdfast: what it prints is the entry's hash, so the document cannot drift from the chain.
 */
class ByHandHashCheckTest extends HttpApiSupport {

    private static final String LEAD = "To check an entry by hand";

    @TempDir
    Path work;

    @Test
    void theReadmesByHandCheckPrintsTheEntrysHash() throws Exception {
        for (String tool : new String[] {"curl", "jq", "sha256sum"}) {
            assumeTrue(
                    onPath(tool),
                    tool
                            + " is not installed, so the by-hand hash check of docs/ledger.md was not run (.ci/run installs it)");
        }
        String caseId = newCaseId();
        Api.expect(api.as("officer").post("/api/cases", Api.flagBody(caseId)), 201);
        Api.expect(
                api.as("officer").post("/api/cases/" + caseId + "/notes", Api.noteBody("checked by hand, line 1")),
                201);
        JsonNode history = Api.expect(api.as("auditor").get("/api/cases/" + caseId + "/history?minVersion=1"), 200)
                .json();

        String script = snippet().replace("localhost:8080", "localhost:" + port).replace("CASE-1", caseId);
        Path file = work.resolve("check.sh");
        Files.writeString(file, script);
        Process bash = new ProcessBuilder("bash", file.toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String printed = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(bash.exitValue()).as(printed).isZero();
        assertThat(printed.strip())
                .startsWith(history.path("entries").get(0).path("hash").asText());
    }

    /** The shell block that follows the words on checking an entry by hand. */
    private static String snippet() throws IOException {
        String readme = Files.readString(Path.of("../docs/ledger.md"));
        int lead = readme.indexOf(LEAD);
        assertThat(lead).as("docs/ledger.md explains the check by hand").isPositive();
        int start = readme.indexOf("```sh\n", lead) + "```sh\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    private static boolean onPath(String tool) throws InterruptedException, IOException {
        return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
    }
}

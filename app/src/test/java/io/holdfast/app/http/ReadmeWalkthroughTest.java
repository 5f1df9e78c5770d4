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
 * The README's five-minute walk-through, run as written with curl against a running Holdfast:
 * every write it makes is accepted, and the case ends released, as the README says.
 */
class ReadmeWalkthroughTest extends HttpApiSupport {

    private static final String LEAD = "## Drive a case with curl";

    @TempDir
    Path work;

    @Test
    void theWalkthroughFlagsFreezesAndReleasesACase() throws Exception {
        assumeTrue(
                new ProcessBuilder("sh", "-c", "command -v curl").start().waitFor() == 0,
                "curl is not installed, so the README's walk-through was not run (.ci/run installs it)");
        String caseId = newCaseId();
        String script = "set -e\n"
                + walkthrough()
                        .replace("http://localhost:8080", "http://localhost:" + port)
                        .replace("CASE-1", caseId)
                        // every answer's status line, to read which writes were accepted
                        .replace("curl -i ", "curl -s -o /dev/null -w '%{http_code}\\n' ");
        Path file = work.resolve("walkthrough.sh");
        Files.writeString(file, script);
        Process bash = new ProcessBuilder("bash", file.toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(bash.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String printed = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.exitValue()).as(printed).isZero();
        assertThat(printed.lines().toList())
                .as("flag, warrant, freeze request, approval, a partial and a full release")
                .containsExactly("201", "201", "201", "200", "201", "201");

        JsonNode view = Api.expect(api.as("auditor").get("/api/cases/" + caseId + "?minVersion=5"), 200)
                .json();
        assertThat(view.path("status").asText()).isEqualTo("RELEASED");
        assertThat(view.path("frozen")).isEmpty();
    }

    private static String walkthrough() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        int lead = readme.indexOf(LEAD);
        assertThat(lead).as("the README's walk-through").isPositive();
        int start = readme.indexOf("```bash\n", lead) + "```bash\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }
}

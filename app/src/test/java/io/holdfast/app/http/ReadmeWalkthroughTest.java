package io.holdfast.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's five-minute walk-through, run as written with curl against a running Holdfast:
 * every write it makes is accepted, and the case ends released, as the README says.
 */
class ReadmeWalkthroughTest extends HttpApiSupport {

    @TempDir
    Path work;

    @Test
    void theWalkthroughFlagsFreezesAndReleasesACase() throws Exception {
        assumeTrue(
                DocumentSnippets.installed("curl"),
                "curl is not installed, so the README's walk-through was not run (.ci/run installs it)");
        String caseId = newCaseId();
        String printed = DocumentSnippets.run(
                work,
                "set -e\n"
                        + DocumentSnippets.after("README.md", "## Drive a case with curl", "```bash")
                                .replace("http://localhost:8080", "http://localhost:" + port)
                                .replace("CASE-1", caseId)
                                // every answer's status line, to read which writes were accepted
                                .replace("curl -i ", "curl -s -o /dev/null -w '%{http_code}\\n' "));
        assertThat(printed.lines().toList())
                .as("flag, warrant, freeze request, approval, a partial and a full release")
                .containsExactly("201", "201", "201", "200", "201", "201");

        // a view not caught up within the read-your-writes wait says so (Warning: 110): a client asks again
        Api.Response answer = Api.expect(api.as("auditor").get("/api/cases/" + caseId + "?minVersion=5"), 200);
        for (int asked = 1; answer.header("Warning") != null && asked < 10; asked++) {
            answer = Api.expect(api.as("auditor").get("/api/cases/" + caseId + "?minVersion=5"), 200);
        }
        assertThat(answer.header("Warning"))
                .as("the view caught up with the release")
                .isNull();
        JsonNode view = answer.json();
        assertThat(view.path("status").asText()).isEqualTo("RELEASED");
        assertThat(view.path("frozen")).isEmpty();
    }
}

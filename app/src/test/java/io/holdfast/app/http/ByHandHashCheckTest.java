package io.holdfast.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check of an audit entry by hand that docs/ledger.md gives, run as written (with curl, jq and
 * sha256sum) against a running Holdfast: what it prints is the entry's hash, so the document cannot
 * drift from the chain.
 */
class ByHandHashCheckTest extends HttpApiSupport {

    @TempDir
    Path work;

    @Test
    void theByHandCheckPrintsTheEntrysHash() throws Exception {
        for (String tool : new String[] {"curl", "jq", "sha256sum"}) {
            assumeTrue(
                    DocumentSnippets.installed(tool),
                    tool + " is not installed, so the by-hand hash check of docs/ledger.md was not run"
                            + " (.ci/run installs it)");
        }
        String caseId = newCaseId();
        Api.expect(api.as("officer").post("/api/cases", Api.flagBody(caseId)), 201);
        Api.expect(
                api.as("officer").post("/api/cases/" + caseId + "/notes", Api.noteBody("checked by hand, line 1")),
                201);
        JsonNode history = Api.expect(api.as("auditor").get("/api/cases/" + caseId + "/history?minVersion=1"), 200)
                .json();

        String printed = DocumentSnippets.run(
                work,
                DocumentSnippets.after("docs/ledger.md", "To check an entry by hand", "```sh")
                        .replace("localhost:8080", "localhost:" + port)
                        .replace("CASE-1", caseId));

        assertThat(printed.strip())
                .startsWith(history.path("entries").get(0).path("hash").asText());
    }
}

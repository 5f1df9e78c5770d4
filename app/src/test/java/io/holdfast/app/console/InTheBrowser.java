package io.holdfast.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.holdfast.app.http.HttpApiSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Holdfast on the embedded default, driven through the console in Debian's headless Chromium. */
abstract class InTheBrowser extends HttpApiSupport {

    @TempDir
    Path downloads;

    @BeforeAll
    static void chromiumIsThere() {
        assumeTrue(
                Browser.installed(),
                "Debian's chromium and chromium-driver are not installed, so the console's browser tests were not"
                        + " run (.ci/run installs them)");
    }

    /** Every API call the pages made kept to docs/openapi.json. */
    @AfterEach
    void theConsoleKeptToTheContract() {
        assertThat(ConsoleTrafficContract.takeFindings().breaches())
                .as("API calls of the console that break docs/openapi.json")
                .isEmpty();
    }

    /** The ledger's public key, as an auditor keeps it on their own disk. */
    Path ledgerKeyFile() throws IOException {
        Path key = downloads.resolve("ledger.pem");
        Files.writeString(
                key,
                api.as("auditor")
                        .get("/api/audit/ledger/public-key")
                        .json()
                        .path("publicKeyPem")
                        .asText());
        return key;
    }
}

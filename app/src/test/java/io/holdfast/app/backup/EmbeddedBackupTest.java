package io.holdfast.app.backup;

import static io.holdfast.app.http.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.app.HoldfastApplication;
import io.holdfast.app.http.Api;
import io.holdfast.ledger.LedgerKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default backed up while it runs, through Holdfast (an administrator's request), and
 * restored into an empty folder at the next start: what was recorded before the backup is there and
 * its audit trail verifies, what came after is not; a restore never overwrites a database.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedBackupTest {

    @TempDir
    Path running;

    @TempDir
    Path restored;

    @TempDir
    Path downloads;

    @Test
    void aBackupTakenOnlineRestoresIntoAnEmptyFolderWithItsAuditTrailWhole(CapturedOutput output) throws Exception {
        Path zip = downloads.resolve("backup.zip");
        String before = "CASE-BACKED-UP-" + System.nanoTime();
        String after = "CASE-AFTER-" + System.nanoTime();
        try (ConfigurableApplicationContext holdfast = start(running)) {
            Api api = api(holdfast);
            expect(api.as("officer").post("/api/cases", Api.flagBody(before)), 201);
            expect(api.as("officer").post("/api/cases/" + before + "/notes", Api.noteBody("before the backup")), 201);
            expect(api.as("auditor").get("/api/cases/" + before + "/history?minVersion=1"), 200);
            api.signCheckpointCovering(2);

            assertThat(api.as("auditor").post("/api/admin/backups", "").status())
                    .isEqualTo(403);
            Api.Response taken = expect(api.as("admin").post("/api/admin/backups", ""), 201);
            JsonNode backup = taken.json();
            assertThat(taken.header("Location"))
                    .isEqualTo("/api/admin/backups/" + backup.get("name").asText());
            assertThat(backup.get("bytes").asLong()).isPositive();
            JsonNode listed = expect(api.as("admin").get("/api/admin/backups"), 200)
                    .json()
                    .get("backups")
                    .get(0);
            assertThat(listed.get("name").asText()).isEqualTo(backup.get("name").asText());
            assertThat(listed.get("takenAt").asText())
                    .as("the list and the backup's answer give the same time")
                    .isEqualTo(backup.get("takenAt").asText());
            assertThat(listed.get("sha256").asText())
                    .isEqualTo(backup.get("sha256").asText());
            assertThat(api.as("admin")
                            .get("/api/admin/backups/holdfast-20200101T000000000Z.zip")
                            .status())
                    .isEqualTo(404);
            assertThat(api.as("admin").get("/api/admin/backups/holdfast.mv.db").status())
                    .isEqualTo(404);
            assertThat(api.as("admin")
                            .get("/api/admin/backups/..%2F..%2Fholdfast.mv.db")
                            .status())
                    .isIn(400, 404);

            HttpResponse<Path> download = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + port(holdfast) + taken.header("Location")))
                                    .header(
                                            "Authorization",
                                            "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofFile(zip));
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
            assertThat(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip))))
                    .isEqualTo(backup.get("sha256").asText());

            expect(api.as("officer").post("/api/cases", Api.flagBody(after)), 201);
        }

        // restored without the ledger's key: Holdfast will not make a new key for a ledger with checkpoints
        assertThatThrownBy(
                        () -> start(restored, "--holdfast.restore-from=" + zip).close())
                .hasStackTraceContaining("the ledger has checkpoints (the latest at tree size 2, signed by holdfast+")
                .hasStackTraceContaining("does not make a new key for a ledger that has checkpoints")
                .hasStackTraceContaining("HOLDFAST_LEDGER_SIGNINGKEY");
        assertThat(restored.resolve("ledger-signing-key.pem")).doesNotExist();
        assertThat(output.getOut())
                .contains("restoring the embedded database from the backup " + zip.toAbsolutePath() + " ("
                        + Files.size(zip) + " bytes, SHA-256 "
                        + HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip)))
                        + ") into " + restored.toAbsolutePath());

        // nor start with a key other than the one the checkpoints were signed with
        Path stranger = downloads.resolve("stranger.pem");
        LedgerKey.generate("holdfast").writePrivate(stranger);
        assertThatThrownBy(() -> start(restored, "--holdfast.ledger.signing-key=" + stranger)
                        .close())
                .hasStackTraceContaining("HOLDFAST_LEDGER_SIGNINGKEY (" + stranger + ") is the key holdfast+")
                .hasStackTraceContaining("give Holdfast the key its checkpoints were signed with");

        Files.delete(restored.resolve("holdfast.mv.db"));
        Files.copy(running.resolve("ledger-signing-key.pem"), restored.resolve("ledger-signing-key.pem"));
        try (ConfigurableApplicationContext holdfast = start(restored, "--holdfast.restore-from=" + zip)) {
            Api api = api(holdfast);
            assertThat(output.getOut())
                    .containsPattern("restored from " + java.util.regex.Pattern.quote(zip.toString())
                            + ": 2 events of 1 cases \\(the newest recorded [^)]+\\), 2 audit entries, a ledger of 2"
                            + " leaves, latest checkpoint: 2 leaves, signed ");
            assertThat(expect(api.as("auditor").get("/api/audit/ledger/verification"), 200)
                            .json()
                            .get("valid")
                            .asBoolean())
                    .as("the restored ledger verifies with the key its checkpoints were signed with")
                    .isTrue();
            JsonNode view =
                    expect(api.as("auditor").get("/api/cases/" + before), 200).json();
            assertThat(view.get("version").asLong()).isEqualTo(1);
            assertThat(expect(api.as("auditor").get("/api/cases/" + before + "/history/verification"), 200)
                            .json()
                            .get("valid")
                            .asBoolean())
                    .isTrue();
            assertThat(api.as("auditor").get("/api/cases/" + after).status()).isEqualTo(404);
        }

        assertThatThrownBy(
                        () -> start(restored, "--holdfast.restore-from=" + zip).close())
                .hasStackTraceContaining("will not restore over a database");
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... more) {
        String[] args = new String[more.length + 2];
        args[0] = "--holdfast.data-dir=" + dataDir;
        args[1] = "--server.port=0";
        System.arraycopy(more, 0, args, 2, more.length);
        return new SpringApplicationBuilder(HoldfastApplication.class).run(args);
    }

    private static int port(ConfigurableApplicationContext holdfast) {
        return ((WebServerApplicationContext) holdfast).getWebServer().getPort();
    }

    private static Api api(ConfigurableApplicationContext holdfast) {
        return new Api(port(holdfast));
    }
}

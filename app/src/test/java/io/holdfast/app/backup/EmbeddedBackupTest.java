package io.holdfast.app.backup;

import static io.holdfast.app.http.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.app.HoldfastApplication;
import io.holdfast.app.http.Api;
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
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default backed up while it runs, through Holdfast (an administrator's request), and
 * restored into an empty folder at the next start: what was recorded before the backup is there and
 * its audit trail verifies, what came after is not; a restore never overwrites a database.
 */
class EmbeddedBackupTest {

    @TempDir
    Path running;

    @TempDir
    Path restored;

    @TempDir
    Path downloads;

    @Test
    void aBackupTakenOnlineRestoresIntoAnEmptyFolderWithItsAuditTrailWhole() throws Exception {
        Path zip = downloads.resolve("backup.zip");
        String before = "CASE-BACKED-UP-" + System.nanoTime();
        String after = "CASE-AFTER-" + System.nanoTime();
        try (ConfigurableApplicationContext holdfast = start(running)) {
            Api api = api(holdfast);
            expect(api.as("officer").post("/api/cases", Api.flagBody(before)), 201);
            expect(api.as("officer").post("/api/cases/" + before + "/notes", Api.noteBody("before the backup")), 201);
            expect(api.as("auditor").get("/api/cases/" + before + "/history?minVersion=1"), 200);

            assertThat(api.as("auditor").post("/api/admin/backups", "").status())
                    .isEqualTo(403);
            Api.Response taken = expect(api.as("admin").post("/api/admin/backups", ""), 201);
            JsonNode backup = taken.json();
            assertThat(taken.header("Location"))
                    .isEqualTo("/api/admin/backups/" + backup.get("name").asText());
            assertThat(backup.get("bytes").asLong()).isPositive();
            assertThat(expect(api.as("admin").get("/api/admin/backups"), 200)
                            .json()
                            .get("backups")
                            .get(0)
                            .get("name")
                            .asText())
                    .isEqualTo(backup.get("name").asText());
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

        try (ConfigurableApplicationContext holdfast = start(restored, "--holdfast.restore-from=" + zip)) {
            Api api = api(holdfast);
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

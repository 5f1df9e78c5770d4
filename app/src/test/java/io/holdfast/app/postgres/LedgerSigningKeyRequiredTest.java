package io.holdfast.app.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.app.HoldfastApplication;
import io.holdfast.app.http.TestTokens;
import io.holdfast.app.settings.SettingRefused;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A deployment other than the embedded default refuses to start without the ledger's signing key,
 * or with a file that is not one, in one sentence naming the setting, before it touches its
 * database: the database here is a listener that counts who connects.
 */
@ExtendWith(OutputCaptureExtension.class)
class LedgerSigningKeyRequiredTest {

    private ServerSocket database;
    private final AtomicInteger connections = new AtomicInteger();

    @TempDir
    Path work;

    @BeforeEach
    void listenAsTheDatabase() throws IOException {
        database = new ServerSocket(0);
        Thread listener = new Thread(() -> {
            while (!database.isClosed()) {
                try (Socket ignored = database.accept()) {
                    connections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        listener.setDaemon(true);
        listener.start();
    }

    @AfterEach
    void stopListening() throws IOException {
        database.close();
    }

    @Test
    void thePostgresProfileWithoutASigningKeyRefusesToStartBeforeTouchingItsDatabase(CapturedOutput output) {
        assertThatThrownBy(() -> start()).isInstanceOfSatisfying(SettingRefused.class, refused -> {
            assertThat(refused.setting()).isEqualTo("HOLDFAST_LEDGER_SIGNINGKEY");
            assertThat(refused.getMessage()).contains("openssl genpkey -algorithm ed25519");
        });
        assertThat(connections).as("connections to the database").hasValue(0);
        assertThat(output.getOut() + output.getErr())
                .contains("Holdfast refuses to start. HOLDFAST_LEDGER_SIGNINGKEY: Holdfast signs its ledger's")
                .doesNotContain("\tat io.holdfast");
    }

    @Test
    void aFileThatIsNotAKeyIsRefusedNamingTheSetting() throws IOException {
        Path notAKey = Files.writeString(work.resolve("ledger-key.pem"), "-----BEGIN PUBLIC KEY-----\nAAAA\n");
        assertThatThrownBy(() -> start("--holdfast.ledger.signing-key=" + notAKey))
                .isInstanceOfSatisfying(
                        SettingRefused.class,
                        refused -> assertThat(refused.getMessage())
                                .isEqualTo("HOLDFAST_LEDGER_SIGNINGKEY: names " + notAKey
                                        + ", which is not an Ed25519 private key in PKCS#8 PEM form (openssl genpkey"
                                        + " -algorithm ed25519 writes one)"));
        assertThatThrownBy(() -> start("--holdfast.ledger.signing-key=" + work.resolve("missing.pem")))
                .isInstanceOfSatisfying(
                        SettingRefused.class,
                        refused -> assertThat(refused.getMessage())
                                .contains("missing.pem, which is not a file Holdfast can read"));
        assertThat(connections).as("connections to the database").hasValue(0);
    }

    private void start(String... more) {
        String[] args = new String[5 + more.length];
        args[0] = "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + database.getLocalPort() + "/holdfast";
        args[1] = "--spring.datasource.username=postgres";
        args[2] = "--spring.datasource.password=postgres";
        args[3] = "--server.port=0";
        args[4] = "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + TestTokens.publicKeyLocation();
        System.arraycopy(more, 0, args, 5, more.length);
        new SpringApplicationBuilder(HoldfastApplication.class)
                .profiles("postgres")
                .run(args)
                .close();
    }
}

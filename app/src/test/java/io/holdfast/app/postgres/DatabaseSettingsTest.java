package io.holdfast.app.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.app.HoldfastApplication;
import io.holdfast.app.http.TestLedgerKey;
import io.holdfast.app.http.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A wrong database setting stops start-up with one line naming the setting. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseSettingsTest {

    private static void startWith(String url, String user) {
        new SpringApplicationBuilder(HoldfastApplication.class)
                .profiles("postgres")
                .run(
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + user,
                        "--spring.datasource.password=secret",
                        "--server.port=0",
                        "--spring.datasource.hikari.initialization-fail-timeout=1",
                        "--spring.security.oauth2.resourceserver.jwt.public-key-location="
                                + TestTokens.publicKeyLocation(),
                        TestLedgerKey.argument())
                .close();
    }

    @Test
    void refusedCredentialsNameTheCredentialSettings(CapturedOutput output) {
        // the test server trusts every password, so an unknown user stands for refused credentials
        String url = PostgresSupport.newDatabase().replaceAll("\\?.*", "");
        assertThatThrownBy(() -> startWith(url, "nobody")).isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr())
                .contains("Holdfast cannot use its database")
                .contains("Check SPRING_DATASOURCE_USERNAME / SPRING_DATASOURCE_PASSWORD");
    }

    @Test
    void aWrongUrlNamesTheUrlSetting(CapturedOutput output) {
        assertThatThrownBy(() -> startWith("jdbc:postgresql://127.0.0.1:1/nowhere", "postgres"))
                .isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr())
                .contains("Holdfast cannot use its database")
                .contains("Check SPRING_DATASOURCE_URL");
    }
}

package io.holdfast.app.postgres;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.app.HoldfastApplication;
import io.holdfast.app.http.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A deployment other than the embedded default refuses to start without the ledger's signing key, and says which setting. */
class LedgerSigningKeyRequiredTest {

    @Test
    void thePostgresProfileWithoutASigningKeyRefusesToStart() {
        String url = PostgresSupport.newDatabase();
        assertThatThrownBy(() -> new SpringApplicationBuilder(HoldfastApplication.class)
                        .profiles("postgres")
                        .run(
                                "--spring.datasource.url=" + url,
                                "--spring.datasource.username=postgres",
                                "--spring.datasource.password=postgres",
                                "--server.port=0",
                                "--spring.security.oauth2.resourceserver.jwt.public-key-location="
                                        + TestTokens.publicKeyLocation())
                        .close())
                .rootCause()
                .hasMessageContaining("HOLDFAST_LEDGER_SIGNINGKEY")
                .hasMessageContaining("openssl genpkey -algorithm ed25519");
    }
}

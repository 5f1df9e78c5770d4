package io.holdfast.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.holdfast.app.HoldfastApplication;
import io.holdfast.app.http.Api;
import io.holdfast.app.http.DocumentSnippets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The way of signing in without an identity provider that docs/configuration.md gives, run as written: the token openssl
 * mints is accepted by a Holdfast given the public key, as the user and role it names.
 */
class JwtWithoutIdentityProviderTest {

    private static final String LEAD = "**Signing in without an identity provider.**";

    @TempDir
    Path work;

    @Test
    void theTokenTheReadmeMintsSignsIn() throws Exception {
        assumeTrue(
                DocumentSnippets.installed("openssl"),
                "openssl is not installed, so the JWT walk-through of docs/configuration.md was not run");
        DocumentSnippets.run(
                work,
                DocumentSnippets.after("docs/configuration.md", LEAD, "```sh") + "\nprintf '%s' \"$TOKEN\" > token\n");
        String token = Files.readString(work.resolve("token"));

        try (ConfigurableApplicationContext holdfast = new SpringApplicationBuilder(HoldfastApplication.class)
                .run(
                        "--holdfast.data-dir=" + work.resolve("data"),
                        "--server.port=0",
                        "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
                                + work.resolve("jwt-public.pem"))) {
            Api api = new Api(
                    ((WebServerApplicationContext) holdfast).getWebServer().getPort());
            Api.Response flagged = api.call().bearer(token).post("/api/cases", Api.flagBody("CASE-JWT-1"));
            assertThat(flagged.status()).as(flagged.body()).isEqualTo(201);
            assertThat(api.call()
                            .bearer(token)
                            .get("/api/cases/CASE-JWT-1/history?minVersion=0")
                            .json()
                            .path("entries")
                            .get(0)
                            .path("actor")
                            .asText())
                    .isEqualTo("alice");
            assertThat(api.call().bearer(token + "x").get("/api/cases").status())
                    .as("a token whose signature does not verify")
                    .isEqualTo(401);
        }
    }
}

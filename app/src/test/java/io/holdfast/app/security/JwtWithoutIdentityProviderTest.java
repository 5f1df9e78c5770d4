package io.holdfast.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.holdfast.app.HoldfastApplication;
import io.holdfast.app.http.Api;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
                new ProcessBuilder("sh", "-c", "command -v openssl").start().waitFor() == 0,
                "openssl is not installed, so the JWT walk-through of docs/configuration.md was not run");
        Path script = work.resolve("mint.sh");
        Files.writeString(script, snippet() + "\nprintf '%s' \"$TOKEN\" > token\n");
        Process bash = new ProcessBuilder("bash", script.toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String printed = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.exitValue()).as(printed).isZero();
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

    private static String snippet() throws IOException {
        String readme = Files.readString(Path.of("../docs/configuration.md"));
        int lead = readme.indexOf(LEAD);
        assertThat(lead)
                .as("docs/configuration.md explains signing in without an identity provider")
                .isPositive();
        int start = readme.indexOf("```sh\n", lead) + "```sh\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }
}

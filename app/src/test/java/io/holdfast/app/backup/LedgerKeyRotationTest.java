package io.holdfast.app.backup;

import static io.holdfast.app.http.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.app.HoldfastApplication;
import io.holdfast.app.http.Api;
import io.holdfast.ledger.BundleVerifier;
import io.holdfast.ledger.LedgerKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ledger's key rotated: with the old key, a checkpoint naming the new key and signed by both
 * hands the ledger over, and an auditor holding only the old key still verifies what the new key
 * signs; with the old key lost, the new key introduces itself and every verifier sees the break.
 */
class LedgerKeyRotationTest {

    @TempDir
    Path data;

    @TempDir
    Path keys;

    @Test
    void anAuditorHoldingTheFirstKeyFollowsTheChainOfKeys() throws Exception {
        Path first = keys.resolve("first.pem");
        Path second = keys.resolve("second.pem");
        Path third = keys.resolve("third.pem");
        LedgerKey.generate("holdfast").writePrivate(first);
        LedgerKey.generate("holdfast").writePrivate(second);
        LedgerKey.generate("holdfast").writePrivate(third);
        String firstPublic = LedgerKey.readPrivate("holdfast", first).publicKeyPem();

        try (ConfigurableApplicationContext holdfast = start("--holdfast.ledger.signing-key=" + first)) {
            Api api = api(holdfast);
            expect(api.as("officer").post("/api/cases", Api.flagBody("CASE-ROTATED-1")), 201);
            api.signCheckpointCovering(1);
        }

        assertThatThrownBy(
                        () -> start("--holdfast.ledger.signing-key=" + second).close())
                .hasStackTraceContaining(
                        "give Holdfast the key its checkpoints were signed with, or rotate to this key")
                .hasStackTraceContaining("HOLDFAST_LEDGER_PREVIOUSSIGNINGKEY");
        assertThatThrownBy(() -> start(
                                "--holdfast.ledger.signing-key=" + second,
                                "--holdfast.ledger.previous-signing-key=" + third)
                        .close())
                .as("the previous key must be the one the checkpoints were signed with")
                .hasStackTraceContaining("HOLDFAST_LEDGER_PREVIOUSSIGNINGKEY (" + third + ") is the key");

        try (ConfigurableApplicationContext holdfast =
                start("--holdfast.ledger.signing-key=" + second, "--holdfast.ledger.previous-signing-key=" + first)) {
            Api api = api(holdfast);
            JsonNode publicKey = expect(api.as("auditor").get("/api/audit/ledger/public-key"), 200)
                    .json();
            assertThat(publicKey.path("keys")).hasSize(2);
            assertThat(publicKey.path("keys").get(1).path("endorsed").asBoolean())
                    .isTrue();
            assertThat(publicKey.path("keys").get(1).path("fromTreeSize").asLong())
                    .isEqualTo(1);
            assertThat(publicKey.path("keys").get(0).path("toTreeSize").asLong())
                    .isEqualTo(1);
            assertThat(publicKey.path("keys").get(1).path("toTreeSize").isNull())
                    .isTrue();
            assertThat(publicKey.path("verifierKey").asText())
                    .isEqualTo(LedgerKey.readPrivate("holdfast", second).verifierKey());

            expect(api.as("officer").post("/api/cases/CASE-ROTATED-1/notes", Api.noteBody("after the rotation")), 201);
            api.signCheckpointCovering(2);
            JsonNode verification = expect(api.as("auditor").get("/api/audit/ledger/verification"), 200)
                    .json();
            assertThat(verification.path("valid").asBoolean())
                    .as(verification.toString())
                    .isTrue();
            assertThat(verification.path("keysIntroducedWithoutThePreviousKey")).isEmpty();

            JsonNode bundle = expect(api.as("auditor").get("/api/cases/CASE-ROTATED-1/evidence-bundle"), 200)
                    .json();
            assertThat(BundleVerifier.verify(bundle, firstPublic, null))
                    .as("the first key's holder trusts the second key it introduced")
                    .isEmpty();
            String stranger = LedgerKey.generate("holdfast").publicKeyPem();
            assertThat(BundleVerifier.verify(bundle, stranger, null)).isNotEmpty();
        }

        // the second key lost: the third introduces itself, and the break shows
        try (ConfigurableApplicationContext holdfast =
                start("--holdfast.ledger.signing-key=" + third, "--holdfast.ledger.rotate-without-previous-key=true")) {
            Api api = api(holdfast);
            JsonNode publicKey = expect(api.as("auditor").get("/api/audit/ledger/public-key"), 200)
                    .json();
            assertThat(publicKey.path("keys")).hasSize(3);
            assertThat(publicKey.path("keys").get(2).path("endorsed").asBoolean())
                    .isFalse();
            JsonNode verification = expect(api.as("auditor").get("/api/audit/ledger/verification"), 200)
                    .json();
            assertThat(verification.path("valid").asBoolean())
                    .as(verification.toString())
                    .isTrue();
            assertThat(verification
                            .path("keysIntroducedWithoutThePreviousKey")
                            .get(0)
                            .asText())
                    .isEqualTo(LedgerKey.readPrivate("holdfast", third).signerId());

            expect(api.as("officer").post("/api/cases/CASE-ROTATED-1/notes", Api.noteBody("after the loss")), 201);
            api.signCheckpointCovering(3);
            JsonNode bundle = expect(api.as("auditor").get("/api/cases/CASE-ROTATED-1/evidence-bundle"), 200)
                    .json();
            List<String> failures = BundleVerifier.verify(bundle, firstPublic, null);
            assertThat(failures)
                    .anyMatch(failure ->
                            failure.contains("was introduced without the signature of the key" + " before it"));
            assertThat(BundleVerifier.verify(
                            bundle, LedgerKey.readPrivate("holdfast", third).publicKeyPem(), null))
                    .as("with the new key obtained from the operator")
                    .isEmpty();
        }
        assertThat(Files.exists(data.resolve("ledger-signing-key.pem")))
                .as("no key is made when one is given")
                .isFalse();
    }

    private ConfigurableApplicationContext start(String... more) {
        String[] args = new String[more.length + 2];
        args[0] = "--holdfast.data-dir=" + data;
        args[1] = "--server.port=0";
        System.arraycopy(more, 0, args, 2, more.length);
        return new SpringApplicationBuilder(HoldfastApplication.class).run(args);
    }

    private static Api api(ConfigurableApplicationContext holdfast) {
        return new Api(((WebServerApplicationContext) holdfast).getWebServer().getPort());
    }
}

package io.holdfast.app.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.app.HoldfastApplication;
import io.holdfast.app.http.TestLedgerKey;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The demo users, with their well-known password, never run in a deployment profile, and a Holdfast nobody could sign in to never starts. */
class DemoUsersGuardTest {

    @TempDir
    Path dataDir;

    @Test
    void aDeploymentProfileWithDemoUsersRefusesToStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(HoldfastApplication.class)
                        .profiles("postgres")
                        .run(
                                "--holdfast.data-dir=" + dataDir,
                                "--server.port=0",
                                "--holdfast.security.demo-users.enabled=true",
                                TestLedgerKey.argument())
                        .close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo users (password 'demo') are enabled while profile(s) [postgres] are active")
                .hasMessageStartingWith("HOLDFAST_SECURITY_DEMOUSERS_ENABLED: ")
                .hasMessageContaining("Set it to false");
    }

    @Test
    void aDeploymentProfileWithoutJwtSignInRefusesToStartNamingTheSettings() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(HoldfastApplication.class)
                        .profiles("postgres")
                        .run("--holdfast.data-dir=" + dataDir, "--server.port=0", TestLedgerKey.argument())
                        .close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nobody could sign in")
                .hasMessageContaining("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI");
    }

    @Test
    void theEmbeddedDefaultWithDemoUsersOffAndNoJwtRefusesToStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(HoldfastApplication.class)
                        .run(
                                "--holdfast.data-dir=" + dataDir,
                                "--server.port=0",
                                "--holdfast.security.demo-users.enabled=false")
                        .close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nobody could sign in");
    }
}

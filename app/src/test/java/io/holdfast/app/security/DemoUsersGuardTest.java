package io.holdfast.app.security;

import io.holdfast.app.HoldfastApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo users, with their well-known password, never run in a deployment profile. */
class DemoUsersGuardTest {

    @TempDir
    Path dataDir;

    @Test
    void aDeploymentProfileWithDemoUsersRefusesToStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(HoldfastApplication.class)
                .profiles("postgres")
                .run("--holdfast.data-dir=" + dataDir, "--server.port=0", "--holdfast.security.demo-users.enabled=true")
                .close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo users (password 'demo') are enabled while profile(s) [postgres] are active")
                .hasMessageContaining("holdfast.security.demo-users.enabled=false");
    }
}

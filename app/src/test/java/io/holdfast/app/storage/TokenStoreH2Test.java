package io.holdfast.app.storage;

import io.holdfast.app.HoldfastApplication;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

/** Projection positions on H2, the embedded default. */
class TokenStoreH2Test extends TokenStoreContract {

    @TempDir
    Path dataDir;

    @Override
    protected ConfigurableApplicationContext holdfast() {
        return new SpringApplicationBuilder(HoldfastApplication.class)
                .run("--holdfast.data-dir=" + dataDir, "--server.port=0", "--holdfast.node-id=this-node");
    }
}

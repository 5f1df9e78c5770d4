package io.holdfast.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Holdfast makes no outbound calls: starting it (with AxonIQ's update checker, which would phone
 * home) asks for no connection to any host beyond this machine. Java's HTTP clients consult the
 * default proxy selector for every connection they open, so it sees each attempt.
 */
class NoOutboundConnectionTest {

    private final List<URI> attempted = new CopyOnWriteArrayList<>();
    private ProxySelector original;

    @TempDir
    Path dataDir;

    @BeforeEach
    void watchConnections() {
        original = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                attempted.add(uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException failure) {}
        });
    }

    @AfterEach
    void restore() {
        ProxySelector.setDefault(original);
    }

    @Test
    void startingHoldfastContactsNoOutsideHost() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HoldfastApplication.class)
                .run("--holdfast.data-dir=" + dataDir, "--server.port=0")) {
            Thread.sleep(2_000); // the update checker runs in the background right after start-up
            assertThat(context.getEnvironment().getProperty("axon.update-check.disabled"))
                    .isEqualTo("true");
        }
        assertThat(attempted)
                .allSatisfy(
                        uri -> assertThat(InetAddress.getByName(uri.getHost()).isLoopbackAddress())
                                .as("outbound connection to %s", uri)
                                .isTrue());
    }
}

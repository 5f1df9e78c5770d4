package io.holdfast.app.http;

import io.holdfast.app.HoldfastApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Holdfast started once for all HTTP tests, on a random port and a fresh H2 file directory, with
 * both ways in: the demo users and JWTs signed by the test key of {@link TestTokens}.
 */
@SpringBootTest(classes = HoldfastApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HttpApiSupport {

    private static final Path DATA_DIR = createDataDir();

    @LocalServerPort
    protected int port;

    protected Api api;

    @DynamicPropertySource
    static void holdfastProperties(DynamicPropertyRegistry registry) {
        // a context of another mode (such as over Axon Server's wire) names its own folder
        registry.add(
                "holdfast.data-dir",
                () -> DATA_DIR.resolve("${holdfast.test.mode:embedded}").toString());
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TestTokens::publicKeyLocation);
        registry.add("holdfast.reads.min-version-wait", () -> "2s");
        registry.add("db-scheduler.polling-interval", () -> "200ms");
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    /** A case id no other test uses. */
    protected static String newCaseId() {
        return "CASE-" + UUID.randomUUID();
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("holdfast-http-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

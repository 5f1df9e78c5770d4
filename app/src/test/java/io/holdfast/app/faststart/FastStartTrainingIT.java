package io.holdfast.app.faststart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/start-holdfast}'s training start must never open the database a user configured: every
 * way a setting reaches a Spring Boot application here names a "production" database, a loopback
 * port that counts who connects to it, and the training start must leave it untouched.
 */
class FastStartTrainingIT {

    private static final Path SCRIPT =
            Path.of("..", "bin", "start-holdfast").toAbsolutePath().normalize();
    private static final Path JAR = Path.of("target", "holdfast.jar").toAbsolutePath();

    @TempDir
    Path work;

    private ServerSocket productionDatabase;
    private final AtomicInteger connectionsToProduction = new AtomicInteger();

    @BeforeEach
    void listenAsTheProductionDatabase() throws IOException {
        productionDatabase = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread listener = new Thread(
                () -> {
                    while (!productionDatabase.isClosed()) {
                        try (Socket connection = productionDatabase.accept()) {
                            connectionsToProduction.incrementAndGet();
                        } catch (IOException closed) {
                            return;
                        }
                    }
                },
                "production-database");
        listener.setDaemon(true);
        listener.start();
    }

    @AfterEach
    void stopListening() throws IOException {
        productionDatabase.close();
    }

    @Test
    void theTrainingStartOpensNoConfiguredDatabaseWhateverTheEnvironmentSays() throws Exception {
        Path cdsDir = work.resolve("fast-start");
        // run from a folder of its own, the script finds the repository's jar beside itself
        Process prepare =
                start(List.of("sh", SCRIPT.toString(), "--prepare"), Map.of("HOLDFAST_CDS_DIR", cdsDir.toString()));

        assertThat(prepare.waitFor(180, TimeUnit.SECONDS))
                .as("the training start ends")
                .isTrue();
        String output = Files.readString(work.resolve("out.log"));
        assertThat(prepare.exitValue())
                .as(output + readIfPresent(cdsDir.resolve("training.log")))
                .isZero();
        assertThat(cdsDir.resolve("holdfast.jsa")).as("the class-data archive").isNotEmptyFile();
        assertThat(connectionsToProduction)
                .as("connections to the configured database")
                .hasValue(0);
        assertThat(work.resolve("production-data"))
                .as("the configured data directory")
                .doesNotExist();
        assertThat(work.resolve("production-h2.mv.db"))
                .as("the H2 file named in JAVA_OPTS")
                .doesNotExist();
        assertThat(cdsDir.resolve("training"))
                .as("the throw-away data directory is removed")
                .doesNotExist();
    }

    /** Without the seal the same environment reaches the database: the probe above can tell. */
    @Test
    void theSameEnvironmentReachesTheConfiguredDatabaseWhenHoldfastStartsPlainly() throws Exception {
        Process plain =
                start(List.of(javaCommand(), "-Dspring.context.exit=onRefresh", "-jar", JAR.toString()), Map.of());

        assertThat(plain.waitFor(180, TimeUnit.SECONDS))
                .as("the plain start ends")
                .isTrue();
        assertThat(connectionsToProduction.get())
                .as("connections to the configured database")
                .isPositive();
    }

    private Process start(List<String> command, Map<String, String> extra) throws IOException {
        String productionUrl = "jdbc:postgresql://127.0.0.1:" + productionDatabase.getLocalPort() + "/holdfast";
        Files.createDirectories(work.resolve("config"));
        Files.writeString(
                work.resolve("config").resolve("application.yml"), "spring.datasource.url: " + productionUrl + "\n");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("out.log").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("SPRING_PROFILES_ACTIVE", "postgres");
        environment.put("SPRING_DATASOURCE_URL", productionUrl);
        environment.put("SPRING_DATASOURCE_USERNAME", "holdfast");
        environment.put("SPRING_DATASOURCE_PASSWORD", "secret");
        environment.put("SPRING_APPLICATION_JSON", "{\"spring.datasource.url\":\"" + productionUrl + "\"}");
        environment.put("HOLDFAST_DATA_DIR", work.resolve("production-data").toString());
        // a deployment's own key, so the plain start passes the settings check and goes on to its database
        Path ledgerKey = work.resolve("ledger-key.pem");
        if (!Files.exists(ledgerKey)) {
            io.holdfast.ledger.LedgerKey.generate("holdfast").writePrivate(ledgerKey);
        }
        environment.put("HOLDFAST_LEDGER_SIGNINGKEY", ledgerKey.toString());
        environment.put("HOLDFAST_SECURITY_DEMOUSERS_ENABLED", "false");
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI", "http://127.0.0.1:9/jwks");
        environment.put(
                "JAVA_OPTS",
                "-Xmx512m -Dspring.datasource.url=jdbc:h2:file:" + work.resolve("production-h2")
                        + " -Dspring.profiles.active=postgres");
        environment.putAll(extra);
        return builder.start();
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String readIfPresent(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}

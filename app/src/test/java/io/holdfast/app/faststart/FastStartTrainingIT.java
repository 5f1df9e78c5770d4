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

    /** The JDKs installed beside the one running the build: the script is tested on each. */
    static List<Path> installedJdks() throws IOException {
        java.util.Set<Path> homes = new java.util.LinkedHashSet<>();
        homes.add(Path.of(System.getProperty("java.home")).toRealPath());
        Path machines = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(machines)) {
            try (var installed = Files.list(machines)) {
                for (Path home : installed.sorted().toList()) {
                    if (Files.isExecutable(home.resolve("bin").resolve("java"))
                            && Files.exists(home.resolve("bin").resolve("jar"))) {
                        homes.add(home.toRealPath());
                    }
                }
            }
        }
        return List.copyOf(homes);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "on {0}")
    @org.junit.jupiter.params.provider.MethodSource("installedJdks")
    void theTrainingStartOpensNoConfiguredDatabaseWhateverTheEnvironmentSaysAndHoldfastStartsFromIt(Path jdk)
            throws Exception {
        Path cdsDir = work.resolve("fast-start");
        int feature = featureVersion(jdk);
        // run from a folder of its own, the script finds the repository's jar beside itself
        Process prepare = start(
                List.of("sh", SCRIPT.toString(), "--prepare"),
                Map.of("HOLDFAST_CDS_DIR", cdsDir.toString(), "JAVA_HOME", jdk.toString()));

        assertThat(prepare.waitFor(600, TimeUnit.SECONDS))
                .as("the training start ends")
                .isTrue();
        String output = Files.readString(work.resolve("out.log"));
        assertThat(prepare.exitValue())
                .as(output + readIfPresent(cdsDir.resolve("training.log")))
                .isZero();
        assertThat(cdsDir.resolve(feature >= 25 ? "holdfast.aot" : "holdfast.jsa"))
                .as(feature >= 25 ? "the ahead-of-time cache" : "the class-data archive")
                .isNotEmptyFile();
        assertThat(readIfPresent(cdsDir.resolve("training.log")))
                .as("the training start drove its lifecycles and exited")
                .contains("Commencing graceful shutdown")
                .doesNotContain("the training start's lifecycles failed");
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

        comesUpFrom(cdsDir, jdk, feature);
    }

    /** Started by the script from what the training recorded, on the embedded default in a folder of its own. */
    private void comesUpFrom(Path cdsDir, Path jdk, int feature) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = work.resolve("started.log");
        // a folder of its own: the one above holds the configuration naming the "production" database
        Path folder = Files.createDirectories(work.resolve("own-start"));
        ProcessBuilder builder = new ProcessBuilder(
                        "sh",
                        SCRIPT.toString(),
                        "--holdfast.data-dir=" + folder.resolve("data"),
                        "--server.port=" + port)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("HOLDFAST_CDS_DIR", cdsDir.toString());
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().put("JAVA_OPTS", feature >= 25 ? "-Xlog:aot=info" : "-Xlog:cds=info");
        Process holdfast = builder.start();
        try {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            String health = "";
            while (!health.contains("UP") && System.nanoTime() < deadline && holdfast.isAlive()) {
                try {
                    health = http.send(
                                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                                    "http://127.0.0.1:" + port + "/actuator/health"))
                                            .build(),
                                    java.net.http.HttpResponse.BodyHandlers.ofString())
                            .body();
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            assertThat(health).as(Files.readString(log)).contains("UP");
            assertThat(Files.readString(log))
                    .as("the JVM opened what the training recorded")
                    .containsPattern(
                            feature >= 25
                                    ? "Opened AOT cache .*holdfast\\.aot"
                                    : "Opened (shared |dynamic )?archive .*holdfast\\.jsa");
        } finally {
            holdfast.destroy();
            holdfast.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static int featureVersion(Path jdk) throws Exception {
        Process version = new ProcessBuilder(jdk.resolve("bin").resolve("java").toString(), "-version")
                .redirectErrorStream(true)
                .start();
        String said = new String(version.getInputStream().readAllBytes());
        version.waitFor();
        java.util.regex.Matcher feature =
                java.util.regex.Pattern.compile("version \"(1\\.)?(\\d+)").matcher(said);
        assertThat(feature.find()).as(said).isTrue();
        return Integer.parseInt(feature.group(2));
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

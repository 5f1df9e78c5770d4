package io.holdfast.app.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.logging.Log;
import org.h2.tools.Restore;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * {@code --holdfast.restore-from=<backup.zip>}: before anything opens the database, unpacks an
 * online backup into {@code holdfast.data-dir}, then starts on it. Only into a folder that holds no
 * database, so a restore never overwrites what is there; only for the embedded default. The log
 * says which backup (its size and SHA-256, as the backup's answer gave them) went where;
 * {@link RestoredStoreReport} says what the restored store holds once it is open.
 */
public class RestoreBeforeStart implements EnvironmentPostProcessor {

    static final String RESTORE_FROM = "holdfast.restore-from";
    private static final String DATABASE = "holdfast";

    private final Log log;

    public RestoreBeforeStart(DeferredLogFactory logs) {
        this.log = logs.getLog(RestoreBeforeStart.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String from = environment.getProperty(RESTORE_FROM);
        if (from == null || from.isBlank()) {
            return;
        }
        Path backup = Path.of(from).toAbsolutePath();
        Path dataDir =
                Path.of(environment.getProperty("holdfast.data-dir", "./data")).toAbsolutePath();
        if (!environment.getProperty("spring.datasource.url", "jdbc:h2:").startsWith("jdbc:h2:")) {
            throw new IllegalStateException("Holdfast restores only its embedded database from " + RESTORE_FROM
                    + "; restore PostgreSQL with its own tools");
        }
        if (!Files.isRegularFile(backup)) {
            throw new IllegalStateException(RESTORE_FROM + " names " + backup + ", which is not a file");
        }
        if (Files.exists(dataDir.resolve(DATABASE + ".mv.db"))) {
            throw new IllegalStateException("Holdfast will not restore over a database: " + dataDir + " already holds "
                    + DATABASE + ".mv.db. Restore into an empty HOLDFAST_DATA_DIR, or move that file away first");
        }
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException unwritable) {
            throw new IllegalStateException("cannot create " + dataDir + ": " + unwritable.getMessage(), unwritable);
        }
        log.info("restoring the embedded database from the backup " + backup + " (" + size(backup) + " bytes, SHA-256 "
                + sha256(backup) + ") into " + dataDir);
        Restore.execute(backup.toString(), dataDir.toString(), DATABASE);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

package io.holdfast.app.backup;

import io.holdfast.app.storage.NodeSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Online backups of the embedded database, taken by H2's {@code BACKUP TO} inside Holdfast: H2 lets
 * only the process that holds the file open it, and Holdfast's guarded tables need its trigger
 * classes, so no outside client can. Each backup is a zip under {@code holdfast.backup.dir}, a
 * consistent copy of the whole database taken while Holdfast keeps working.
 */
@Component
public class EmbeddedBackups {

    /** What a backup is called: the moment it was taken, so names sort by time. */
    static final Pattern NAME = Pattern.compile("holdfast-\\d{8}T\\d{6}\\d{3}Z\\.zip");

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    /** One backup: its file name, size, SHA-256 and when it was taken. */
    public record Backup(String name, long bytes, String sha256, Instant takenAt) {}

    private final JdbcTemplate jdbc;
    private final Path folder;
    private final boolean embedded;
    private final Clock clock;

    EmbeddedBackups(
            JdbcTemplate jdbc,
            BackupSettings settings,
            NodeSettings node,
            @Value("${spring.datasource.url:}") String databaseUrl) {
        this.jdbc = jdbc;
        this.folder = settings.folderUnder(node.dataDir());
        this.embedded = databaseUrl.startsWith("jdbc:h2:");
        this.clock = Clock.systemUTC();
    }

    public boolean embedded() {
        return embedded;
    }

    /** Takes a backup now; one at a time, so two requests never write the same file. */
    public synchronized Backup take() {
        try {
            Files.createDirectories(folder);
            Instant now = clock.instant();
            Path file = folder.resolve("holdfast-" + STAMP.format(now) + ".zip");
            jdbc.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
            return describe(file);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    /** Every backup kept, newest first. */
    public List<Backup> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(
                            file -> NAME.matcher(file.getFileName().toString()).matches())
                    .sorted((a, b) ->
                            b.getFileName().toString().compareTo(a.getFileName().toString()))
                    .map(EmbeddedBackups::describe)
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** A backup's file, when the name is one of Holdfast's backups and it is there. */
    public Optional<Path> file(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = folder.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** A backup as the folder holds it; when it was taken is its name, so every answer gives the same time. */
    private static Backup describe(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            String sha256 = HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
            String name = file.getFileName().toString();
            Instant takenAt =
                    Instant.from(STAMP.parse(name.substring("holdfast-".length(), name.length() - ".zip".length())));
            return new Backup(name, Files.size(file), sha256, takenAt);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

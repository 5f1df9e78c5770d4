package io.holdfast.app.backup;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code holdfast.backup.dir}: where the embedded database's online backups are written; unset, the data folder's {@code backups}. */
@ConfigurationProperties("holdfast.backup")
public record BackupSettings(Path dir) {

    Path folderUnder(Path dataDir) {
        return (dir != null ? dir : dataDir.resolve("backups")).toAbsolutePath();
    }
}

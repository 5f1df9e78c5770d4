package io.holdfast.app.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * This node: {@code holdfast.data-dir}, the folder of the embedded database (set in
 * application.yml, which builds the database's address from it), and {@code holdfast.node-id}, its
 * name in projection segment claims (blank: Axon's {@code pid@host}).
 */
@ConfigurationProperties("holdfast")
public record NodeSettings(Path dataDir, String nodeId) {

    boolean namesItself() {
        return nodeId != null && !nodeId.isBlank();
    }
}

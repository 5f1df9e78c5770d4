package io.holdfast.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** H2's internals still lead from a connection to its file store; an in-memory database has none. */
class EmbeddedFileStoreTest {

    @TempDir
    Path folder;

    @Test
    void aFileDatabaseLeadsToItsFileStore() throws Exception {
        JdbcDataSource store = new JdbcDataSource();
        store.setURL("jdbc:h2:file:" + folder.resolve("store"));
        try (Connection open = store.getConnection()) {
            assertThat(EmbeddedFileStore.of(open))
                    .hasValueSatisfying(found ->
                            assertThat(found.getFileStore().getFileName()).endsWith("store.mv.db"));
        }
    }

    @Test
    void anInMemoryDatabaseHasNoFile() throws Exception {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:no-file");
        try (Connection open = memory.getConnection()) {
            assertThat(EmbeddedFileStore.of(open)).isEmpty();
        }
    }
}

package io.holdfast.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.HoldfastApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Holdfast opens a store that lost commits again only once its disk has room, and never restores over it. */
class StartAgainAfterStoreLossTest {

    @Test
    void itWaitsForRoomOnTheStoresDisk() throws Exception {
        List<Path> looked = new ArrayList<>();
        long room = StartAgainAfterStoreLoss.ROOM_TO_START_AGAIN;
        Iterator<Long> free = List.of(0L, 1L << 20, room - 1, room).iterator();
        StartAgainAfterStoreLoss startAgain =
                new StartAgainAfterStoreLoss(HoldfastApplication.application(), Duration.ofMillis(1), folder -> {
                    looked.add(folder);
                    return free.next();
                });

        startAgain.awaitRoom(Path.of("/data/holdfast"));

        assertThat(looked).as("looked until the disk had the room").hasSize(4).containsOnly(Path.of("/data/holdfast"));
    }

    @Test
    void aBackupRestoredAtTheFirstStartIsNotRestoredAgain() {
        assertThat(StartAgainAfterStoreLoss.againstTheStoreAsItIs(new String[] {
                    "--holdfast.data-dir=/data", "--holdfast.restore-from=/backups/monday.zip", "--server.port=8080"
                }))
                .containsExactly("--holdfast.data-dir=/data", "--server.port=8080", "--holdfast.restore-from=");
    }
}

package io.holdfast.command.sanctions;

import io.holdfast.kernel.Policy;
import io.holdfast.kernel.sanctions.ImportStagedSanctionsList;
import io.holdfast.kernel.sanctions.SanctionsEntry;
import io.holdfast.kernel.sanctions.SanctionsListRejected;
import io.holdfast.kernel.sanctions.StageSanctionsEntries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;

/**
 * The parts of list files too large for one message, kept in memory on the node their list's
 * commands are routed to until the import that names them takes them. Nothing of a part is
 * recorded before the import: an upload that stops halfway leaves the list as it was, and its
 * parts are forgotten after {@link #FORGOTTEN_AFTER}.
 */
@Component
public class StagedListImports {

    static final Duration FORGOTTEN_AFTER = Duration.ofMinutes(30);

    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final Clock clock;

    public StagedListImports() {
        this(Clock.systemUTC());
    }

    StagedListImports(Clock clock) {
        this.clock = clock;
    }

    private record Upload(String list, Instant started, Map<Integer, List<SanctionsEntry>> parts) {}

    @CommandHandler
    void handle(StageSanctionsEntries command) {
        SanctionsList.importerMustBeOfficerOrAdmin(command.actor());
        forgetAbandoned();
        Upload upload = uploads.computeIfAbsent(
                command.importId(),
                id -> new Upload(command.listId().name(), clock.instant(), new ConcurrentHashMap<>()));
        upload.parts().put(command.part(), command.entries());
    }

    /** The entries of every part of the import, in part order; the parts are forgotten. */
    List<SanctionsEntry> take(ImportStagedSanctionsList command) {
        Upload upload = uploads.remove(command.importId());
        List<SanctionsEntry> entries = new ArrayList<>(command.entryCount());
        for (int part = 0; part < command.parts(); part++) {
            List<SanctionsEntry> received =
                    upload == null || !upload.list().equals(command.listId().name())
                            ? null
                            : upload.parts().get(part);
            if (received == null) {
                throw everyPartMustArrive(command);
            }
            entries.addAll(received);
        }
        if (entries.size() != command.entryCount()) {
            throw everyPartMustArrive(command);
        }
        return entries;
    }

    private static SanctionsListRejected everyPartMustArrive(ImportStagedSanctionsList command) {
        return SanctionsListRejected.conflict(
                Policy.EVERY_PART_OF_AN_UPLOAD_MUST_ARRIVE,
                "the " + command.parts() + " parts of this upload (" + command.entryCount()
                        + " entries) did not all reach the node that imports the list, which happens when a node"
                        + " joins or leaves during the upload; nothing was recorded, send the file again");
    }

    private void forgetAbandoned() {
        Instant cutOff = clock.instant().minus(FORGOTTEN_AFTER);
        uploads.values().removeIf(upload -> upload.started().isBefore(cutOff));
    }
}

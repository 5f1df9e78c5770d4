package io.holdfast.command.screening;

import io.holdfast.kernel.sanctions.SanctionsEntriesDelisted;
import io.holdfast.kernel.sanctions.SanctionsEntriesListed;
import io.holdfast.kernel.sanctions.SanctionsEntry;
import io.holdfast.kernel.sanctions.SanctionsListVersionImported;
import io.holdfast.kernel.sanctions.WalletAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What screening compares against, kept from the sanctions-list events: every listed entry's
 * designated addresses (by their keys), its name and aliases (by their name keys) and programs.
 * When a list version is complete, a screening of all known addresses against it is queued in the
 * same transaction, so an import is never left unscreened, even across a crash.
 */
@Component
@ProcessingGroup(DesignationsProjection.PROCESSING_GROUP)
class DesignationsProjection {

    static final String PROCESSING_GROUP = "sanctions-screening";

    private final JdbcTemplate jdbc;
    private final ScreeningRuns runs;
    private final ScreeningRunner runner;

    DesignationsProjection(JdbcTemplate jdbc, ScreeningRuns runs, ScreeningRunner runner) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.runner = runner;
    }

    @EventHandler
    void on(SanctionsEntriesListed event) {
        List<Object[]> entries = new ArrayList<>();
        List<Object[]> names = new ArrayList<>();
        List<Object[]> addresses = new ArrayList<>();
        forget(event.listId(), event.entries().stream().map(SanctionsEntry::uid).toList());
        for (SanctionsEntry entry : event.entries()) {
            entries.add(new Object[] {event.listId(), entry.uid(), entry.name(), entry.programText()});
            Set<String> allNames = new LinkedHashSet<>();
            allNames.add(entry.name());
            allNames.addAll(entry.aliases());
            for (String name : allNames) {
                names.add(new Object[] {event.listId(), entry.uid(), name, NameKeys.keyOf(name)});
            }
            Set<String> keys = new LinkedHashSet<>();
            for (WalletAddress address : entry.addresses()) {
                if (keys.add(address.key())) {
                    addresses.add(new Object[] {
                        event.listId(), address.key(), entry.uid(), address.currency(), address.address()
                    });
                }
            }
        }
        jdbc.batchUpdate(
                "insert into screening_entry (list_id, entry_uid, name, programs) values (?, ?, ?, ?)", entries);
        jdbc.batchUpdate(
                "insert into screening_entry_name (list_id, entry_uid, name, name_key) values (?, ?, ?, ?)", names);
        jdbc.batchUpdate(
                "insert into screening_designation (list_id, address_key, entry_uid, currency, address) "
                        + "values (?, ?, ?, ?, ?)",
                addresses);
    }

    @EventHandler
    void on(SanctionsEntriesDelisted event) {
        forget(event.listId(), event.uids());
    }

    @EventHandler
    void on(SanctionsListVersionImported event) {
        jdbc.update("delete from screening_list where list_id = ?", event.listId());
        jdbc.update(
                "insert into screening_list (list_id, list_version, publication_date, digest, file_name) values (?, ?, ?, ?, ?)",
                event.listId(),
                event.version(),
                event.publication().publicationDate(),
                event.publication().digest().hex(),
                event.publication().fileName());
        runs.queueForListVersion(event.listId(), event.version(), event.importedAt());
        runner.wakeAfterCommit();
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from screening_designation");
        jdbc.update("delete from screening_entry_name");
        jdbc.update("delete from screening_entry");
        jdbc.update("delete from screening_list");
    }

    /** Drops what is kept of these entries, so a changed entry is kept as its new version says. */
    private void forget(String list, List<String> uids) {
        List<Object[]> keys = uids.stream().map(uid -> new Object[] {list, uid}).toList();
        jdbc.batchUpdate("delete from screening_designation where list_id = ? and entry_uid = ?", keys);
        jdbc.batchUpdate("delete from screening_entry_name where list_id = ? and entry_uid = ?", keys);
        jdbc.batchUpdate("delete from screening_entry where list_id = ? and entry_uid = ?", keys);
    }
}

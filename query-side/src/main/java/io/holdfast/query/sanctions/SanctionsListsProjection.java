package io.holdfast.query.sanctions;

import io.holdfast.kernel.sanctions.HeldListVersion;
import io.holdfast.kernel.sanctions.ListVersionDifference;
import io.holdfast.kernel.sanctions.ListVersionSummary;
import io.holdfast.kernel.sanctions.ListedEntry;
import io.holdfast.kernel.sanctions.SanctionsEntriesDelisted;
import io.holdfast.kernel.sanctions.SanctionsEntriesListed;
import io.holdfast.kernel.sanctions.SanctionsEntry;
import io.holdfast.kernel.sanctions.SanctionsListHoldEnded;
import io.holdfast.kernel.sanctions.SanctionsListVersionHeld;
import io.holdfast.kernel.sanctions.SanctionsListVersionImported;
import io.holdfast.kernel.sanctions.WalletAddress;
import io.holdfast.query.readmodel.ReadModelJson;
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
 * Projection "sanctions-lists": each list version with its file and difference, and the entries
 * of each list's current version (with the version each was first listed and last changed in),
 * findable by address key; and the file each list holds for a second person's confirmation.
 */
@Component
@ProcessingGroup(SanctionsListsProjection.PROCESSING_GROUP)
class SanctionsListsProjection {

    static final String PROCESSING_GROUP = "sanctions-lists";

    private final JdbcTemplate jdbc;

    SanctionsListsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SanctionsEntriesListed event) {
        List<Object[]> keys = new ArrayList<>();
        List<Object[]> documents = new ArrayList<>();
        List<Object[]> addresses = new ArrayList<>();
        for (SanctionsEntry entry : event.entries()) {
            keys.add(new Object[] {event.listId(), entry.uid()});
            long listedIn = jdbc
                    .queryForList(
                            "select document from sanctions_entry where list_id = ? and entry_uid = ?",
                            String.class,
                            event.listId(),
                            entry.uid())
                    .stream()
                    .map(json -> ReadModelJson.read(json, ListedEntry.class).listedInVersion())
                    .findFirst()
                    .orElse(event.version());
            ListedEntry listed = new ListedEntry(
                    event.listId(),
                    entry.uid(),
                    entry.name(),
                    entry.entryType(),
                    entry.programs(),
                    entry.aliases(),
                    entry.addresses(),
                    listedIn,
                    event.version());
            documents.add(new Object[] {event.listId(), entry.uid(), ReadModelJson.write(listed)});
            Set<String> addressKeys = new LinkedHashSet<>();
            entry.addresses().stream().map(WalletAddress::key).forEach(addressKeys::add);
            addressKeys.forEach(key -> addresses.add(new Object[] {event.listId(), entry.uid(), key}));
        }
        forget(keys);
        jdbc.batchUpdate("insert into sanctions_entry (list_id, entry_uid, document) values (?, ?, ?)", documents);
        jdbc.batchUpdate(
                "insert into sanctions_entry_address (list_id, entry_uid, address_key) values (?, ?, ?)", addresses);
    }

    @EventHandler
    void on(SanctionsEntriesDelisted event) {
        forget(event.uids().stream()
                .map(uid -> new Object[] {event.listId(), uid})
                .toList());
    }

    @EventHandler
    void on(SanctionsListVersionImported event) {
        ListVersionSummary summary = new ListVersionSummary(
                event.version(),
                event.publication().publicationDate(),
                event.publication().digest().hex(),
                event.publication().format(),
                event.publication().fileName(),
                event.entryCount(),
                event.addressCount(),
                event.entriesAdded().size(),
                event.entriesChanged().size(),
                event.entriesRemoved().size(),
                event.addressesAdded().size(),
                event.addressesRemoved().size(),
                event.addressesCarriedOver().size(),
                event.importedBy().userId(),
                event.importedAt());
        ListVersionDifference difference = new ListVersionDifference(
                event.listId(),
                summary,
                event.entriesAdded(),
                event.entriesChanged(),
                event.entriesRemoved(),
                event.addressesAdded(),
                event.addressesRemoved(),
                event.incompleteEntries(),
                event.addressesCarriedOver());
        jdbc.update(
                "delete from sanctions_list_version where list_id = ? and version = ?",
                event.listId(),
                event.version());
        jdbc.update(
                "insert into sanctions_list_version (list_id, version, summary, difference) values (?, ?, ?, ?)",
                event.listId(),
                event.version(),
                ReadModelJson.write(summary),
                ReadModelJson.write(difference));
    }

    @EventHandler
    void on(SanctionsListVersionHeld event) {
        HeldListVersion held = new HeldListVersion(
                event.currentVersion(),
                event.publication().publicationDate(),
                event.publication().digest().hex(),
                event.publication().format(),
                event.publication().fileName(),
                event.entryCount(),
                event.addressCount(),
                event.entriesRemoved(),
                event.addressesRemoved(),
                event.removalShareLimit(),
                event.importedBy().userId(),
                event.heldAt());
        jdbc.update("delete from sanctions_list_held where list_id = ?", event.listId());
        jdbc.update(
                "insert into sanctions_list_held (list_id, held) values (?, ?)",
                event.listId(),
                ReadModelJson.write(held));
    }

    @EventHandler
    void on(SanctionsListHoldEnded event) {
        jdbc.update("delete from sanctions_list_held where list_id = ?", event.listId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from sanctions_list_held");
        jdbc.update("delete from sanctions_entry_address");
        jdbc.update("delete from sanctions_entry");
        jdbc.update("delete from sanctions_list_version");
    }

    private void forget(List<Object[]> keys) {
        jdbc.batchUpdate("delete from sanctions_entry_address where list_id = ? and entry_uid = ?", keys);
        jdbc.batchUpdate("delete from sanctions_entry where list_id = ? and entry_uid = ?", keys);
    }
}

package io.holdfast.command.sanctions;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.Policy;
import io.holdfast.kernel.Role;
import io.holdfast.kernel.Sha256;
import io.holdfast.kernel.sanctions.ImportSanctionsList;
import io.holdfast.kernel.sanctions.ImportStagedSanctionsList;
import io.holdfast.kernel.sanctions.ListPublication;
import io.holdfast.kernel.sanctions.ListedAddress;
import io.holdfast.kernel.sanctions.SanctionsEntriesDelisted;
import io.holdfast.kernel.sanctions.SanctionsEntriesListed;
import io.holdfast.kernel.sanctions.SanctionsEntry;
import io.holdfast.kernel.sanctions.SanctionsListId;
import io.holdfast.kernel.sanctions.SanctionsListRejected;
import io.holdfast.kernel.sanctions.SanctionsListVersion;
import io.holdfast.kernel.sanctions.SanctionsListVersionImported;
import io.holdfast.kernel.sanctions.WalletAddress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A sanctions list (such as OFAC's SDN list) as a sequence of versions. Each import of a published
 * file becomes a version recording the file's date and digest and its difference to the version
 * before, so an auditor can tell which version any screening flag was based on.
 */
@Revision("1")
@Aggregate
public class SanctionsList {

    /** Entries per {@link SanctionsEntriesListed} event, so no single event grows large. */
    static final int ENTRIES_PER_EVENT = 250;

    @AggregateIdentifier
    private SanctionsListId listId;

    private long version;
    private Sha256 currentDigest;
    private LocalDate currentPublicationDate;
    private final Map<String, SanctionsEntry> entries = new HashMap<>();

    protected SanctionsList() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public SanctionsListVersion handle(ImportSanctionsList command) {
        importerMustBeOfficerOrAdmin(command.actor());
        return importVersion(command.listId(), command.publication(), command.entries(), command.actor());
    }

    /** The same import, of a file whose entries came in parts because one message could not carry them. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public SanctionsListVersion handle(ImportStagedSanctionsList command, StagedListImports stagedImports) {
        importerMustBeOfficerOrAdmin(command.actor());
        return importVersion(command.listId(), command.publication(), stagedImports.take(command), command.actor());
    }

    private SanctionsListVersion importVersion(
            SanctionsListId listId, ListPublication publication, List<SanctionsEntry> inFile, Actor importer) {
        if (sameFileIsAlreadyCurrent(publication)) {
            return new SanctionsListVersion(listId.name(), version, false);
        }
        publicationMustNotPrecedeCurrentVersion(publication);
        aVersionNamesAtLeastOneEntry(inFile);
        Map<String, SanctionsEntry> incoming = eachEntryIsListedOnce(inFile);

        String list = listId.name();
        long next = version + 1;
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<SanctionsEntry> listed = new ArrayList<>();
        List<ListedAddress> addressesAdded = new ArrayList<>();
        List<ListedAddress> addressesRemoved = new ArrayList<>();
        for (SanctionsEntry entry : incoming.values()) {
            SanctionsEntry before = entries.get(entry.uid());
            if (before == null) {
                added.add(entry.uid());
            } else if (!before.equals(entry)) {
                changed.add(entry.uid());
            }
            if (before == null || !before.equals(entry)) {
                listed.add(entry);
                addressesAdded.addAll(addressesOnlyIn(entry, before));
                addressesRemoved.addAll(addressesOnlyIn(before, entry));
            }
        }
        List<String> removed = new ArrayList<>();
        for (SanctionsEntry before : entries.values()) {
            if (!incoming.containsKey(before.uid())) {
                removed.add(before.uid());
                addressesRemoved.addAll(addressesOnlyIn(before, null));
            }
        }
        int addressCount = incoming.values().stream()
                .mapToInt(entry -> entry.addresses().size())
                .sum();

        for (int from = 0; from < listed.size(); from += ENTRIES_PER_EVENT) {
            apply(new SanctionsEntriesListed(
                    list, next, List.copyOf(listed.subList(from, Math.min(listed.size(), from + ENTRIES_PER_EVENT)))));
        }
        if (!removed.isEmpty()) {
            apply(new SanctionsEntriesDelisted(list, next, List.copyOf(removed)));
        }
        apply(new SanctionsListVersionImported(
                list,
                next,
                publication,
                incoming.size(),
                addressCount,
                added,
                changed,
                removed,
                addressesAdded,
                addressesRemoved,
                importer,
                GenericEventMessage.clock.instant()));
        return new SanctionsListVersion(list, next, true);
    }

    static void importerMustBeOfficerOrAdmin(Actor actor) {
        Role role = actor.role();
        if (role != Role.OFFICER && role != Role.SUPERVISOR && role != Role.ADMIN) {
            throw SanctionsListRejected.notPermitted(
                    Policy.IMPORTER_MUST_BE_OFFICER_OR_ADMIN,
                    "only a compliance officer, a supervisor or an administrator may import a sanctions list");
        }
    }

    private boolean sameFileIsAlreadyCurrent(ListPublication publication) {
        return publication.digest().equals(currentDigest);
    }

    private void publicationMustNotPrecedeCurrentVersion(ListPublication publication) {
        if (currentPublicationDate != null && publication.publicationDate().isBefore(currentPublicationDate)) {
            throw SanctionsListRejected.conflict(
                    Policy.PUBLICATION_MUST_NOT_PRECEDE_CURRENT_VERSION,
                    "this file was published on " + publication.publicationDate() + ", before the current version ("
                            + currentPublicationDate + ", version " + version
                            + "); importing it would undo later designations");
        }
    }

    private static void aVersionNamesAtLeastOneEntry(List<SanctionsEntry> incoming) {
        if (incoming.isEmpty()) {
            throw SanctionsListRejected.conflict(
                    Policy.A_VERSION_NAMES_AT_LEAST_ONE_ENTRY,
                    "the file names no entries; a list version without entries would delist everyone");
        }
    }

    private static Map<String, SanctionsEntry> eachEntryIsListedOnce(List<SanctionsEntry> incoming) {
        Map<String, SanctionsEntry> byUid = new LinkedHashMap<>();
        for (SanctionsEntry entry : incoming) {
            if (byUid.putIfAbsent(entry.uid(), entry) != null) {
                throw SanctionsListRejected.conflict(
                        Policy.EACH_ENTRY_IS_LISTED_ONCE, "the file names entry " + entry.uid() + " more than once");
            }
        }
        return byUid;
    }

    /** The addresses of {@code entry} that {@code other} does not name (compared by their keys). */
    private static List<ListedAddress> addressesOnlyIn(SanctionsEntry entry, SanctionsEntry other) {
        if (entry == null) {
            return List.of();
        }
        Set<String> otherKeys = new HashSet<>();
        if (other != null) {
            other.addresses().forEach(address -> otherKeys.add(address.key()));
        }
        List<ListedAddress> only = new ArrayList<>();
        for (WalletAddress address : entry.addresses()) {
            if (!otherKeys.contains(address.key())) {
                only.add(new ListedAddress(entry.uid(), address));
            }
        }
        return only;
    }

    @EventSourcingHandler
    void on(SanctionsEntriesListed event) {
        listId = new SanctionsListId(event.listId());
        event.entries().forEach(entry -> entries.put(entry.uid(), entry));
    }

    @EventSourcingHandler
    void on(SanctionsEntriesDelisted event) {
        listId = new SanctionsListId(event.listId());
        event.uids().forEach(entries::remove);
    }

    @EventSourcingHandler
    void on(SanctionsListVersionImported event) {
        listId = new SanctionsListId(event.listId());
        version = event.version();
        currentDigest = event.publication().digest();
        currentPublicationDate = event.publication().publicationDate();
    }
}

package io.holdfast.command.sanctions;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.Policy;
import io.holdfast.kernel.Role;
import io.holdfast.kernel.Sha256;
import io.holdfast.kernel.sanctions.ConfirmHeldSanctionsList;
import io.holdfast.kernel.sanctions.ImportSanctionsList;
import io.holdfast.kernel.sanctions.ImportStagedSanctionsList;
import io.holdfast.kernel.sanctions.ListPublication;
import io.holdfast.kernel.sanctions.SanctionsEntriesDelisted;
import io.holdfast.kernel.sanctions.SanctionsEntriesHeld;
import io.holdfast.kernel.sanctions.SanctionsEntriesListed;
import io.holdfast.kernel.sanctions.SanctionsEntry;
import io.holdfast.kernel.sanctions.SanctionsListHoldEnded;
import io.holdfast.kernel.sanctions.SanctionsListId;
import io.holdfast.kernel.sanctions.SanctionsListRejected;
import io.holdfast.kernel.sanctions.SanctionsListVersion;
import io.holdfast.kernel.sanctions.SanctionsListVersionHeld;
import io.holdfast.kernel.sanctions.SanctionsListVersionImported;
import io.holdfast.kernel.sanctions.WithdrawHeldSanctionsList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final List<SanctionsEntry> heldEntries = new ArrayList<>();
    private HeldFile held;

    /** A file held for a second person's confirmation, with everything needed to apply it later. */
    private record HeldFile(
            ListPublication publication,
            List<SanctionsEntry> entries,
            List<String> incompleteEntries,
            Actor importer) {}

    protected SanctionsList() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public SanctionsListVersion handle(ImportSanctionsList command, ListImportSettings settings) {
        importerMustBeOfficerOrAdmin(command.actor());
        return importVersion(
                command.listId(),
                command.publication(),
                command.entries(),
                command.incompleteEntries(),
                command.actor(),
                settings);
    }

    /** The same import, of a file whose entries came in parts because one message could not carry them. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public SanctionsListVersion handle(
            ImportStagedSanctionsList command, StagedListImports stagedImports, ListImportSettings settings) {
        importerMustBeOfficerOrAdmin(command.actor());
        return importVersion(
                command.listId(),
                command.publication(),
                stagedImports.take(command),
                command.incompleteEntries(),
                command.actor(),
                settings);
    }

    @CommandHandler
    public SanctionsListVersion handle(ConfirmHeldSanctionsList command) {
        confirmerMustBeSupervisorOrAdmin(command.actor());
        HeldFile file = heldFileMustBeTheOneNamed(command.sha256());
        confirmerMustNotBeImporter(command.actor(), file);
        ListDifference difference =
                ListDifference.between(entries, eachEntryIsListedOnce(file.entries()), file.incompleteEntries());
        SanctionsListVersion recorded =
                recordVersion(file.publication(), difference, file.incompleteEntries(), file.importer(), listId);
        apply(new SanctionsListHoldEnded(
                listId.name(),
                file.publication().digest().hex(),
                SanctionsListHoldEnded.Outcome.CONFIRMED,
                command.actor(),
                GenericEventMessage.clock.instant()));
        return recorded;
    }

    @CommandHandler
    public SanctionsListVersion handle(WithdrawHeldSanctionsList command) {
        confirmerMustBeSupervisorOrAdmin(command.actor());
        HeldFile file = heldFileMustBeTheOneNamed(command.sha256());
        apply(new SanctionsListHoldEnded(
                listId.name(),
                file.publication().digest().hex(),
                SanctionsListHoldEnded.Outcome.WITHDRAWN,
                command.actor(),
                GenericEventMessage.clock.instant()));
        return new SanctionsListVersion(listId.name(), version, false);
    }

    private SanctionsListVersion importVersion(
            SanctionsListId listId,
            ListPublication publication,
            List<SanctionsEntry> inFile,
            List<String> incompleteEntries,
            Actor importer,
            ListImportSettings settings) {
        if (sameFileIsAlreadyCurrent(publication)) {
            return new SanctionsListVersion(listId.name(), version, false);
        }
        if (held != null && held.publication().digest().equals(publication.digest())) {
            return new SanctionsListVersion(listId.name(), version, false, true);
        }
        publicationMustNotPrecedeCurrentVersion(publication);
        aVersionNamesAtLeastOneEntry(inFile);
        Map<String, SanctionsEntry> incoming = eachEntryIsListedOnce(inFile);
        ListDifference difference = ListDifference.between(entries, incoming, incompleteEntries);
        if (held != null) {
            apply(new SanctionsListHoldEnded(
                    listId.name(),
                    held.publication().digest().hex(),
                    SanctionsListHoldEnded.Outcome.SUPERSEDED,
                    importer,
                    GenericEventMessage.clock.instant()));
        }
        if (difference.removesMoreThan(settings.confirmRemovalsAbove(), entries)) {
            return holdForASecondPerson(listId, publication, inFile, incompleteEntries, importer, difference, settings);
        }
        return recordVersion(publication, difference, incompleteEntries, importer, listId);
    }

    private SanctionsListVersion recordVersion(
            ListPublication publication,
            ListDifference difference,
            List<String> incompleteEntries,
            Actor importer,
            SanctionsListId listId) {
        String list = listId.name();
        long next = version + 1;
        List<SanctionsEntry> listed = difference.listed();
        for (int from = 0; from < listed.size(); from += ENTRIES_PER_EVENT) {
            apply(new SanctionsEntriesListed(
                    list, next, List.copyOf(listed.subList(from, Math.min(listed.size(), from + ENTRIES_PER_EVENT)))));
        }
        if (!difference.removed().isEmpty()) {
            apply(new SanctionsEntriesDelisted(list, next, List.copyOf(difference.removed())));
        }
        apply(new SanctionsListVersionImported(
                list,
                next,
                publication,
                difference.next().size(),
                difference.addressCount(),
                difference.added(),
                difference.changed(),
                difference.removed(),
                difference.addressesAdded(),
                difference.addressesRemoved(),
                List.copyOf(incompleteEntries),
                difference.addressesCarriedOver(),
                importer,
                GenericEventMessage.clock.instant()));
        return new SanctionsListVersion(list, next, true);
    }

    /** largeRemovalNeedsASecondPerson: the file is recorded as held; the list stays as it is. */
    private SanctionsListVersion holdForASecondPerson(
            SanctionsListId listId,
            ListPublication publication,
            List<SanctionsEntry> inFile,
            List<String> incompleteEntries,
            Actor importer,
            ListDifference difference,
            ListImportSettings settings) {
        String list = listId.name();
        String sha256 = publication.digest().hex();
        for (int from = 0; from < inFile.size(); from += ENTRIES_PER_EVENT) {
            apply(new SanctionsEntriesHeld(
                    list,
                    sha256,
                    List.copyOf(inFile.subList(from, Math.min(inFile.size(), from + ENTRIES_PER_EVENT)))));
        }
        apply(new SanctionsListVersionHeld(
                list,
                version,
                publication,
                difference.next().size(),
                difference.addressCount(),
                difference.removed(),
                difference.addressesRemoved(),
                List.copyOf(incompleteEntries),
                settings.confirmRemovalsAbove(),
                importer,
                GenericEventMessage.clock.instant()));
        return new SanctionsListVersion(list, version, false, true);
    }

    private HeldFile heldFileMustBeTheOneNamed(Sha256 sha256) {
        if (held == null) {
            throw SanctionsListRejected.conflict(
                    Policy.HELD_FILE_MUST_BE_THE_ONE_NAMED,
                    "no file of " + listId.name() + " is waiting for confirmation");
        }
        if (!held.publication().digest().equals(sha256)) {
            throw SanctionsListRejected.conflict(
                    Policy.HELD_FILE_MUST_BE_THE_ONE_NAMED,
                    "the file waiting for confirmation is "
                            + held.publication().digest().hex() + ", not " + sha256.hex()
                            + "; review the held file before deciding on it");
        }
        return held;
    }

    private static void confirmerMustBeSupervisorOrAdmin(Actor actor) {
        if (actor.role() != Role.SUPERVISOR && actor.role() != Role.ADMIN) {
            throw SanctionsListRejected.notPermitted(
                    Policy.CONFIRMER_MUST_BE_SUPERVISOR_OR_ADMIN,
                    "only a supervisor or an administrator may decide on a held list file");
        }
    }

    private static void confirmerMustNotBeImporter(Actor actor, HeldFile file) {
        if (actor.userId().equals(file.importer().userId())) {
            throw SanctionsListRejected.notPermitted(
                    Policy.CONFIRMER_MUST_NOT_BE_IMPORTER,
                    "the person who imported a list file may not confirm it; a second person must");
        }
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
    void on(SanctionsEntriesHeld event) {
        listId = new SanctionsListId(event.listId());
        heldEntries.addAll(event.entries());
    }

    @EventSourcingHandler
    void on(SanctionsListVersionHeld event) {
        listId = new SanctionsListId(event.listId());
        held = new HeldFile(
                event.publication(), List.copyOf(heldEntries), event.incompleteEntries(), event.importedBy());
        heldEntries.clear();
    }

    @EventSourcingHandler
    void on(SanctionsListHoldEnded event) {
        held = null;
    }

    @EventSourcingHandler
    void on(SanctionsListVersionImported event) {
        listId = new SanctionsListId(event.listId());
        version = event.version();
        currentDigest = event.publication().digest();
        currentPublicationDate = event.publication().publicationDate();
    }
}

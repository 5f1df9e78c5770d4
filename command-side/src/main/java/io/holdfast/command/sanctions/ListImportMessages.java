package io.holdfast.command.sanctions;

import io.holdfast.command.messaging.MessagingSettings;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.sanctions.ImportSanctionsList;
import io.holdfast.kernel.sanctions.ImportStagedSanctionsList;
import io.holdfast.kernel.sanctions.ListPublication;
import io.holdfast.kernel.sanctions.SanctionsEntry;
import io.holdfast.kernel.sanctions.SanctionsListId;
import io.holdfast.kernel.sanctions.SanctionsListVersion;
import io.holdfast.kernel.sanctions.StageSanctionsEntries;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Sends a list file's entries to its list in messages that each fit under the message limit of
 * Axon Server and its connector ({@code holdfast.messaging.max-message-size}, 4 MB as theirs): one
 * {@link ImportSanctionsList} when they fit, else parts of at most half the limit (the rest is
 * room for the message's envelope) and an {@link ImportStagedSanctionsList} that imports them.
 */
@Component
class ListImportMessages {

    private final Serializer messages;
    private final long partBudget;

    ListImportMessages(@Qualifier("messageSerializer") Serializer messages, MessagingSettings settings) {
        this.messages = messages;
        this.partBudget = settings.maxMessageSize().toBytes() / 2;
    }

    SanctionsListVersion importList(
            CommandGateway commands,
            SanctionsListId listId,
            ListPublication publication,
            List<SanctionsEntry> entries,
            List<String> incompleteEntries,
            Actor actor) {
        List<List<SanctionsEntry>> parts = parts(entries);
        if (parts.size() <= 1) {
            return commands.sendAndWait(
                    new ImportSanctionsList(listId, publication, entries, incompleteEntries, actor));
        }
        String importId = UUID.randomUUID().toString();
        for (int part = 0; part < parts.size(); part++) {
            commands.sendAndWait(new StageSanctionsEntries(listId, importId, part, parts.get(part), actor));
        }
        return commands.sendAndWait(new ImportStagedSanctionsList(
                listId, publication, importId, parts.size(), entries.size(), incompleteEntries, actor));
    }

    /** The entries in order, cut where a part's serialized entries would pass the budget. */
    List<List<SanctionsEntry>> parts(List<SanctionsEntry> entries) {
        List<List<SanctionsEntry>> parts = new ArrayList<>();
        List<SanctionsEntry> part = new ArrayList<>();
        long size = 0;
        for (SanctionsEntry entry : entries) {
            long entrySize = messages.serialize(entry, byte[].class).getData().length;
            if (!part.isEmpty() && size + entrySize > partBudget) {
                parts.add(part);
                part = new ArrayList<>();
                size = 0;
            }
            part.add(entry);
            size += entrySize;
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }
}

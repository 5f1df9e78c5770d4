package io.holdfast.command.performance;

import static io.holdfast.command.freezecase.CaseExamples.ACCOUNT;
import static io.holdfast.command.freezecase.CaseExamples.CASE;
import static io.holdfast.command.freezecase.CaseExamples.EVIDENCE;
import static io.holdfast.command.freezecase.CaseExamples.OFFICER;
import static io.holdfast.command.freezecase.CaseExamples.SANCTIONS;
import static io.holdfast.command.freezecase.CaseExamples.SUBJECT;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.command.freezecase.CaseDeadlines;
import io.holdfast.command.freezecase.FreezeCase;
import io.holdfast.kernel.freezecase.AddNote;
import io.holdfast.kernel.freezecase.CaseVersion;
import io.holdfast.kernel.freezecase.FlagAccount;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two nodes sharing one event store, each keeping the cases it used in memory. */
class CachedFreezeCasesTest {

    private final ReadsRecorded store = new ReadsRecorded();
    private final Configuration nodeOne = node();
    private final Configuration nodeTwo = node();

    @AfterEach
    void stopNodes() {
        nodeOne.shutdown();
        nodeTwo.shutdown();
    }

    @Test
    void aCaseKeptInMemoryLearnsWhatAnotherNodeAppendedBeforeItDecides() {
        CommandGateway one = nodeOne.commandGateway();
        CommandGateway two = nodeTwo.commandGateway();
        one.sendAndWait(new FlagAccount(CASE, ACCOUNT, SUBJECT, SANCTIONS, EVIDENCE, OFFICER));
        two.sendAndWait(new AddNote(CASE, "called the account holder's bank", OFFICER, 0L));

        // node one kept the case at version 0; a client that read version 1 must be heard, not told it is stale
        CaseVersion answer = one.sendAndWait(new AddNote(CASE, "bank confirmed the wallet", OFFICER, 1L));

        assertThat(answer.version()).isEqualTo(2);
        assertThat(store.sequencesOf(CASE.value())).containsExactly(0L, 1L, 2L);
    }

    @Test
    void aCaseKeptInMemoryIsNotReadFromItsFirstEventAgain() {
        CommandGateway one = nodeOne.commandGateway();
        one.sendAndWait(new FlagAccount(CASE, ACCOUNT, SUBJECT, SANCTIONS, EVIDENCE, OFFICER));
        store.readsFrom.clear();

        one.sendAndWait(new AddNote(CASE, "called the account holder's bank", OFFICER, 0L));
        one.sendAndWait(new AddNote(CASE, "bank confirmed the wallet", OFFICER, 1L));

        assertThat(store.readsFrom).containsExactly(1L, 2L);
    }

    private Configuration node() {
        Configuration configuration = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> store)
                .registerComponent(CaseDeadlines.class, c -> CaseDeadlines.standard())
                .configureAggregate(AggregateConfigurer.defaultConfiguration(FreezeCase.class)
                        .configureRepository(c -> new CachedFreezeCases(
                                EventSourcingRepository.builder(FreezeCase.class)
                                        .parameterResolverFactory(c.parameterResolverFactory())
                                        .handlerDefinition(c.handlerDefinition(FreezeCase.class)),
                                c.eventStore(),
                                new CasesInMemory(100))))
                .buildConfiguration();
        configuration.start();
        return configuration;
    }

    /** The event store of both nodes, noting from which sequence number each read of a case starts. */
    private static final class ReadsRecorded extends InMemoryEventStorageEngine {

        final List<Long> readsFrom = new CopyOnWriteArrayList<>();

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            readsFrom.add(firstSequenceNumber);
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        List<Long> sequencesOf(String caseId) {
            return super.readEvents(caseId, 0)
                    .asStream()
                    .map(DomainEventMessage::getSequenceNumber)
                    .toList();
        }
    }
}

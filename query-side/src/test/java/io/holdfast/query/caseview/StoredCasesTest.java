package io.holdfast.query.caseview;

import static io.holdfast.query.CaseEvents.ACCOUNT;
import static io.holdfast.query.CaseEvents.CASE;
import static io.holdfast.query.CaseEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseId;
import io.holdfast.query.CaseEvents;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

/** Whether a case is stored and visible to the caller, as every read decides visibility. */
class StoredCasesTest {

    private static final AgencyCode FBI = AgencyCode.of("FBI");
    private static final AgencyCode HSI = AgencyCode.of("HSI");

    private final EventStore events = mock(EventStore.class);
    private final StoredCases stored = new StoredCases(events);

    private void store(CaseId caseId, Object... payloads) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            messages.add(new GenericDomainEventMessage<>("FreezeCase", caseId.value(), i, payloads[i]));
        }
        when(events.readEvents(eq(caseId.value()), eq(0L))).thenAnswer(call -> DomainEventStream.of(messages));
    }

    @Test
    void aStoredCaseIsAtItsLastSequenceForEveryoneButALiaisonOfAnotherAgency() {
        store(
                CASE,
                CaseEvents.flagged(CASE, ACCOUNT, FBI),
                CaseEvents.warrant(CASE, "W-1", FBI, T0.plusSeconds(86_400)));

        assertThat(stored.visibleVersion(CASE, null)).hasValue(1L);
        assertThat(stored.visibleVersion(CASE, FBI)).hasValue(1L);
        assertThat(stored.visibleVersion(CASE, HSI)).isEmpty();
    }

    @Test
    void aWarrantOfAnAgencyMakesItParty() {
        CaseId other = CaseId.of("CASE-2");
        store(
                other,
                CaseEvents.flagged(other, ACCOUNT, null),
                CaseEvents.warrant(other, "W-1", HSI, T0.plusSeconds(86_400)));

        assertThat(stored.visibleVersion(other, HSI)).hasValue(1L);
    }

    @Test
    void aCaseTheStoreLacksIsNotThere() {
        CaseId missing = CaseId.of("CASE-MISSING");
        store(missing);

        assertThat(stored.visibleVersion(missing, null)).isEmpty();
    }
}

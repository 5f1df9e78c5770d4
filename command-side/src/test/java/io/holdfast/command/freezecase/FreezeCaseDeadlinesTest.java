package io.holdfast.command.freezecase;

import static io.holdfast.command.freezecase.CaseExamples.*;

import io.holdfast.kernel.OrderType;
import io.holdfast.kernel.ScopeItem;
import io.holdfast.kernel.Sha256;
import io.holdfast.kernel.Warrant;
import io.holdfast.kernel.freezecase.ApproveFreeze;
import io.holdfast.kernel.freezecase.AssetsFrozen;
import io.holdfast.kernel.freezecase.BlockingReportDue;
import io.holdfast.kernel.freezecase.BlockingReportOverdue;
import io.holdfast.kernel.freezecase.CaseCommandRejected.Kind;
import io.holdfast.kernel.freezecase.ExtendWarrant;
import io.holdfast.kernel.freezecase.FileBlockingReport;
import io.holdfast.kernel.freezecase.FlagAccount;
import io.holdfast.kernel.freezecase.RecordWarrant;
import io.holdfast.kernel.freezecase.RequestFreeze;
import io.holdfast.kernel.freezecase.WarrantExpired;
import io.holdfast.kernel.freezecase.WarrantExpiryApproaching;
import io.holdfast.kernel.freezecase.WarrantExtended;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The legal deadlines a case keeps: warrant expiry with its reminder, extensions, and the blocking report. */
class FreezeCaseDeadlinesTest {

    private static final Instant REMINDER = EXPIRES.minus(Duration.ofDays(7));
    private static final Instant EXTENDED = EXPIRES.plus(Duration.ofDays(30));
    private static final Sha256 EXTENSION_ORDER = Sha256.of("c".repeat(64));

    private FixtureConfiguration<FreezeCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FreezeCase.class);
        fixture.registerInjectableResource(CaseDeadlines.standard());
    }

    private static FlagAccount flag() {
        return new FlagAccount(CASE, ACCOUNT, SUBJECT, SANCTIONS, EVIDENCE, OFFICER);
    }

    private static Warrant blocking() {
        return new Warrant(
                W1,
                OrderType.SANCTIONS_BLOCKING,
                "OFAC",
                FBI,
                "US",
                "SDN-BLOCK-1",
                ISSUED,
                EXPIRES,
                List.of(ScopeItem.unlimited("USDT"), ScopeItem.unlimited("BTC")),
                DOCUMENT);
    }

    @Test
    void recordingAWarrantSchedulesItsReminderAndItsExpiry() {
        fixture.givenCurrentTime(DURING_WARRANT)
                .andGivenCommands(flag())
                .when(new RecordWarrant(CASE, warrant(W1), OFFICER))
                .expectScheduledDeadlineWithName(REMINDER, CaseDeadlines.WARRANT_EXPIRY_REMINDER)
                .expectScheduledDeadlineWithName(EXPIRES, CaseDeadlines.WARRANT_EXPIRY);
    }

    @Test
    void theReminderComesSevenDaysBeforeExpiry() {
        fixture.givenCurrentTime(DURING_WARRANT)
                .andGivenCommands(flag(), new RecordWarrant(CASE, warrant(W1), OFFICER))
                .whenTimeElapses(Duration.between(DURING_WARRANT, REMINDER))
                .expectEvents(new WarrantExpiryApproaching(CASE, W1, EXPIRES))
                .expectDeadlinesMet(W1)
                .expectTriggeredDeadlinesWithName(CaseDeadlines.WARRANT_EXPIRY_REMINDER);
    }

    @Test
    void atExpiryTheWarrantExpiresWithWhatIsStillFrozenUnderItAndNothingIsReleased() {
        fixture.givenCurrentTime(DURING_WARRANT)
                .andGivenCommands(
                        flag(),
                        new RecordWarrant(CASE, warrant(W1), OFFICER),
                        new RequestFreeze(CASE, R1, W1, REQUESTED, OFFICER),
                        new ApproveFreeze(CASE, R1, null, SUPERVISOR))
                .whenTimeAdvancesTo(EXPIRES)
                .expectEvents(
                        new WarrantExpiryApproaching(CASE, W1, EXPIRES),
                        new WarrantExpired(CASE, W1, EXPIRES, REQUESTED))
                .expectTriggeredDeadlinesWithName(CaseDeadlines.WARRANT_EXPIRY_REMINDER, CaseDeadlines.WARRANT_EXPIRY);
    }

    @Test
    void aWarrantRecordedWithinTheReminderPeriodIsRemindedOfAtOnce() {
        Instant late = REMINDER.plus(Duration.ofDays(2));
        fixture.givenCurrentTime(late)
                .andGivenCommands(flag())
                .when(new RecordWarrant(CASE, warrant(W1), OFFICER))
                .expectScheduledDeadline(late, W1)
                .expectScheduledDeadlineWithName(EXPIRES, CaseDeadlines.WARRANT_EXPIRY);
    }

    @Test
    void theImmediateReminderIsRecorded() {
        Instant late = REMINDER.plus(Duration.ofDays(2));
        fixture.givenCurrentTime(late)
                .andGivenCommands(flag(), new RecordWarrant(CASE, warrant(W1), OFFICER))
                .whenTimeElapses(Duration.ofSeconds(1))
                .expectEvents(new WarrantExpiryApproaching(CASE, W1, EXPIRES))
                .expectTriggeredDeadlinesWithName(CaseDeadlines.WARRANT_EXPIRY_REMINDER);
    }

    @Test
    void anExtensionWithinTheReminderPeriodRemindsOfTheExtendedWarrantOnly() {
        Instant late = REMINDER.plus(Duration.ofDays(1));
        fixture.givenCurrentTime(late)
                .andGivenCommands(
                        flag(),
                        new RecordWarrant(CASE, warrant(W1), OFFICER),
                        new RecordWarrant(CASE, warrant(W2), OFFICER))
                .when(new ExtendWarrant(
                        CASE, W1, EXPIRES.plus(Duration.ofHours(12)), "EXT", EXTENSION_ORDER, SUPERVISOR))
                .expectScheduledDeadline(late, W1)
                .expectNoScheduledDeadline(late, W2);
    }

    @Test
    void anExtensionMovesTheDeadlines() {
        fixture.givenCurrentTime(DURING_WARRANT)
                .andGivenCommands(flag(), new RecordWarrant(CASE, warrant(W1), OFFICER))
                .when(new ExtendWarrant(CASE, W1, EXTENDED, "23-SW-0412-EXT", EXTENSION_ORDER, SUPERVISOR))
                .expectEvents(
                        new WarrantExtended(CASE, W1, EXPIRES, EXTENDED, "23-SW-0412-EXT", EXTENSION_ORDER, SUPERVISOR))
                .expectScheduledDeadlineWithName(
                        EXTENDED.minus(Duration.ofDays(7)), CaseDeadlines.WARRANT_EXPIRY_REMINDER)
                .expectScheduledDeadlineWithName(EXTENDED, CaseDeadlines.WARRANT_EXPIRY)
                .expectNoScheduledDeadlineWithName(EXPIRES, CaseDeadlines.WARRANT_EXPIRY);
    }

    @Test
    void theOldExpiryPassesQuietlyAfterAnExtension() {
        fixture.givenCurrentTime(DURING_WARRANT)
                .andGivenCommands(
                        flag(),
                        new RecordWarrant(CASE, warrant(W1), OFFICER),
                        new ExtendWarrant(CASE, W1, EXTENDED, "EXT", EXTENSION_ORDER, SUPERVISOR))
                .whenTimeAdvancesTo(EXPIRES.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void anExtensionMustMoveTheExpiryLater() {
        fixture.givenCurrentTime(DURING_WARRANT)
                .andGivenCommands(flag(), new RecordWarrant(CASE, warrant(W1), OFFICER))
                .when(new ExtendWarrant(CASE, W1, EXPIRES.minusSeconds(60), "EXT", EXTENSION_ORDER, SUPERVISOR))
                .expectNoEvents()
                .expectException(rejectedBy("extensionMustMoveExpiryLater", Kind.CONFLICT));
    }

    @Test
    void aFreezeUnderASanctionsBlockingOpensTheReportObligation() {
        Instant frozenAt = DURING_WARRANT;
        Instant dueAt = UsBusinessCalendar.endOfBusinessDaysAfter(frozenAt, 10);
        fixture.givenCurrentTime(frozenAt)
                .andGivenCommands(
                        flag(),
                        new RecordWarrant(CASE, blocking(), OFFICER),
                        new RequestFreeze(CASE, R1, W1, REQUESTED, OFFICER))
                .when(new ApproveFreeze(CASE, R1, null, SUPERVISOR))
                .expectEvents(
                        new AssetsFrozen(CASE, R1, W1, REQUESTED, OFFICER, SUPERVISOR, null, REQUESTED),
                        new BlockingReportDue(CASE, R1, W1, frozenAt, dueAt))
                .expectScheduledDeadlineWithName(dueAt, CaseDeadlines.BLOCKING_REPORT_DUE);
    }

    @Test
    void anUnfiledReportBecomesOverdueAtItsDueTime() {
        Instant dueAt = UsBusinessCalendar.endOfBusinessDaysAfter(DURING_WARRANT, 10);
        fixture.givenCurrentTime(DURING_WARRANT)
                .andGivenCommands(
                        flag(),
                        new RecordWarrant(CASE, blocking(), OFFICER),
                        new RequestFreeze(CASE, R1, W1, REQUESTED, OFFICER),
                        new ApproveFreeze(CASE, R1, null, SUPERVISOR))
                .whenTimeAdvancesTo(dueAt)
                .expectEvents(new BlockingReportOverdue(CASE, R1, dueAt))
                .expectDeadlinesMet(R1);
    }

    @Test
    void aReportFiledInTimeCancelsTheDeadline() {
        Instant dueAt = UsBusinessCalendar.endOfBusinessDaysAfter(DURING_WARRANT, 10);
        fixture.givenCurrentTime(DURING_WARRANT)
                .andGivenCommands(
                        flag(),
                        new RecordWarrant(CASE, blocking(), OFFICER),
                        new RequestFreeze(CASE, R1, W1, REQUESTED, OFFICER),
                        new ApproveFreeze(CASE, R1, null, SUPERVISOR),
                        new FileBlockingReport(CASE, R1, "OFAC-BR-2023-0001", DURING_WARRANT, OFFICER))
                .whenTimeAdvancesTo(dueAt.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void aBlockingReportIsFiledOnce() {
        fixture.givenCurrentTime(DURING_WARRANT)
                .andGivenCommands(
                        flag(),
                        new RecordWarrant(CASE, blocking(), OFFICER),
                        new RequestFreeze(CASE, R1, W1, REQUESTED, OFFICER),
                        new ApproveFreeze(CASE, R1, null, SUPERVISOR),
                        new FileBlockingReport(CASE, R1, "OFAC-BR-1", DURING_WARRANT, OFFICER))
                .when(new FileBlockingReport(CASE, R1, "OFAC-BR-2", DURING_WARRANT, OFFICER))
                .expectNoEvents()
                .expectException(rejectedBy("blockingReportIsFiledOnce", Kind.CONFLICT));
    }

    @Test
    void aFreezeUnderAnOrdinaryWarrantOpensNoObligation() {
        fixture.givenCurrentTime(DURING_WARRANT)
                .andGivenCommands(
                        flag(),
                        new RecordWarrant(CASE, warrant(W1), OFFICER),
                        new RequestFreeze(CASE, R1, W1, REQUESTED, OFFICER))
                .when(new ApproveFreeze(CASE, R1, null, SUPERVISOR))
                .expectEvents(new AssetsFrozen(CASE, R1, W1, REQUESTED, OFFICER, SUPERVISOR, null, REQUESTED))
                .expectNoScheduledDeadlineWithName(
                        UsBusinessCalendar.endOfBusinessDaysAfter(DURING_WARRANT, 10),
                        CaseDeadlines.BLOCKING_REPORT_DUE);
    }
}

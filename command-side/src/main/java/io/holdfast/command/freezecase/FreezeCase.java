package io.holdfast.command.freezecase;

import static io.holdfast.kernel.freezecase.CaseCommandRejected.conflict;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.CaseStatus;
import io.holdfast.kernel.FlagReason;
import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.OrderType;
import io.holdfast.kernel.Policy;
import io.holdfast.kernel.Warrant;
import io.holdfast.kernel.WarrantId;
import io.holdfast.kernel.freezecase.AccountFlagged;
import io.holdfast.kernel.freezecase.AddNote;
import io.holdfast.kernel.freezecase.ApproveFreeze;
import io.holdfast.kernel.freezecase.AssetsFrozen;
import io.holdfast.kernel.freezecase.AssetsReleased;
import io.holdfast.kernel.freezecase.AssetsTurnedOver;
import io.holdfast.kernel.freezecase.BlockingReportDue;
import io.holdfast.kernel.freezecase.BlockingReportFiled;
import io.holdfast.kernel.freezecase.BlockingReportOverdue;
import io.holdfast.kernel.freezecase.CaseDismissed;
import io.holdfast.kernel.freezecase.CaseLifecycle;
import io.holdfast.kernel.freezecase.CaseVersion;
import io.holdfast.kernel.freezecase.DismissCase;
import io.holdfast.kernel.freezecase.ExtendWarrant;
import io.holdfast.kernel.freezecase.FileBlockingReport;
import io.holdfast.kernel.freezecase.FlagAccount;
import io.holdfast.kernel.freezecase.FreezeRequestRejected;
import io.holdfast.kernel.freezecase.FreezeRequested;
import io.holdfast.kernel.freezecase.NoteAdded;
import io.holdfast.kernel.freezecase.RecordWarrant;
import io.holdfast.kernel.freezecase.RejectFreezeRequest;
import io.holdfast.kernel.freezecase.ReleaseAssets;
import io.holdfast.kernel.freezecase.RequestFreeze;
import io.holdfast.kernel.freezecase.SanctionsMatchRecorded;
import io.holdfast.kernel.freezecase.TurnOverAssets;
import io.holdfast.kernel.freezecase.WarrantExpired;
import io.holdfast.kernel.freezecase.WarrantExpiryApproaching;
import io.holdfast.kernel.freezecase.WarrantExtended;
import io.holdfast.kernel.freezecase.WarrantReceived;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One account-freeze case, from flag to release, turn-over or dismissal. Every command to it passes
 * one {@link CaseAdmission}; its own rules live in the parts of the case they are about
 * ({@link Warrants}, {@link FreezeRequests}, {@link FrozenHoldings}, {@link Obligations}), each
 * a named policy. A command that breaks one is refused with a sentence a compliance officer
 * understands, and nothing is recorded.
 */
@Aggregate(repository = FreezeCaseConfiguration.REPOSITORY)
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@Revision(FreezeCase.SNAPSHOT_REVISION)
public class FreezeCase {

    /** The form of a stored snapshot; a snapshot of another revision is passed over and the case replayed. */
    public static final String SNAPSHOT_REVISION = "2";

    @AggregateIdentifier
    private CaseId caseId;

    private AccountId accountId;
    private FlagReason reason;
    private CaseStatus status;
    private Warrants warrants = Warrants.none();
    private FreezeRequests freezeRequests = FreezeRequests.none();
    private FrozenHoldings frozen = FrozenHoldings.nothing();
    private Obligations obligations = Obligations.none();

    protected FreezeCase() {
        // for Axon and for snapshots
    }

    // ---------------------------------------------------------------- commands

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CaseVersion handle(FlagAccount command) {
        caseIdMustBeUnused(command.caseId());
        CaseOpening.mayFlag(command);
        apply(new AccountFlagged(
                command.caseId(),
                command.accountId(),
                command.subject(),
                command.reason(),
                command.evidence(),
                command.actor()));
        if (command.match() != null) {
            apply(new SanctionsMatchRecorded(command.caseId(), command.match(), command.actor()));
        }
        return currentVersion();
    }

    @CommandHandler
    public CaseVersion handle(RecordWarrant command, DeadlineManager deadlines, CaseDeadlines settings) {
        Warrant warrant = command.warrant();
        admission().admit(command.actor(), command.expectedVersion(), CaseAction.RECORD_WARRANT);
        Warrants.liaisonRecordsWarrantsOnlyForItsAgency(command.actor(), warrant);
        warrants.warrantIdMustBeUniqueInCase(warrant.warrantId(), caseId);
        Warrants.warrantMustNotHaveExpired(warrant, commandTime());
        apply(new WarrantReceived(caseId, warrant, command.actor()));
        scheduleExpiry(warrant, true, deadlines, settings);
        return currentVersion();
    }

    @CommandHandler
    public CaseVersion handle(ExtendWarrant command, DeadlineManager deadlines, CaseDeadlines settings) {
        admission().admit(command.actor(), command.expectedVersion(), CaseAction.EXTEND_WARRANT);
        Warrant warrant = warrants.warrantMustBelongToCase(command.warrantId(), caseId);
        Warrants.liaisonRecordsWarrantsOnlyForItsAgency(command.actor(), warrant);
        Warrants.extensionMustMoveExpiryLater(warrant, command.newExpiresAt());
        apply(new WarrantExtended(
                caseId,
                warrant.warrantId(),
                warrant.expiresAt(),
                command.newExpiresAt(),
                command.authorityReference(),
                command.documentSha256(),
                command.actor()));
        deadlines.cancelAllWithinScope(CaseDeadlines.WARRANT_EXPIRY);
        deadlines.cancelAllWithinScope(CaseDeadlines.WARRANT_EXPIRY_REMINDER);
        warrants.allUnexpired()
                .forEach(each ->
                        scheduleExpiry(each, each.warrantId().equals(warrant.warrantId()), deadlines, settings));
        return currentVersion();
    }

    @CommandHandler
    public CaseVersion handle(FileBlockingReport command, DeadlineManager deadlines) {
        admission().admit(command.actor(), command.expectedVersion(), CaseAction.FILE_BLOCKING_REPORT);
        obligations.fileable(command.obligationId(), caseId);
        apply(new BlockingReportFiled(
                caseId, command.obligationId(), command.reportReference(), command.filedAt(), command.actor()));
        deadlines.cancelAllWithinScope(CaseDeadlines.BLOCKING_REPORT_DUE);
        obligations
                .open()
                .forEach(open ->
                        deadlines.schedule(open.dueAt(), CaseDeadlines.BLOCKING_REPORT_DUE, open.obligationId()));
        return currentVersion();
    }

    @CommandHandler
    public CaseVersion handle(RequestFreeze command) {
        admission().admit(command.actor(), command.expectedVersion(), CaseAction.REQUEST_FREEZE);
        freezeRequests.freezeRequestIdMustBeUniqueInCase(command.requestId(), caseId);
        Warrant warrant = warrants.warrantMustBelongToCase(command.warrantId(), caseId);
        Warrants.warrantMustBeInForce(warrant, commandTime());
        Warrants.warrantMustCoverEveryAsset(warrant, command.holdings());
        frozen.freezeMustStayWithinWarrantMaximum(warrant, command.holdings());
        apply(new FreezeRequested(
                caseId, command.requestId(), command.warrantId(), command.holdings(), command.actor()));
        return currentVersion();
    }

    @CommandHandler
    public CaseVersion handle(ApproveFreeze command, DeadlineManager deadlines) {
        admission().admit(command.actor(), command.expectedVersion(), CaseAction.DECIDE_FREEZE_REQUEST);
        FreezeRequestOnFile request = freezeRequests.decidable(command.requestId(), caseId, command.actor());
        Warrant warrant = warrants.find(request.warrantId()).orElseThrow();
        Warrants.warrantMustBeInForce(warrant, commandTime());
        frozen.freezeMustStayWithinWarrantMaximum(warrant, request.holdings());
        apply(new AssetsFrozen(
                caseId,
                request.requestId(),
                request.warrantId(),
                request.holdings(),
                request.requestedBy(),
                command.actor(),
                command.comment(),
                frozen.total().plus(request.holdings())));
        if (warrant.orderType() == OrderType.SANCTIONS_BLOCKING) {
            Instant frozenAt = commandTime();
            Instant dueAt =
                    UsBusinessCalendar.endOfBusinessDaysAfter(frozenAt, CaseDeadlines.BLOCKING_REPORT_BUSINESS_DAYS);
            apply(new BlockingReportDue(caseId, request.requestId(), warrant.warrantId(), frozenAt, dueAt));
            deadlines.schedule(dueAt, CaseDeadlines.BLOCKING_REPORT_DUE, request.requestId());
        }
        return currentVersion();
    }

    @CommandHandler
    public CaseVersion handle(RejectFreezeRequest command) {
        admission().admit(command.actor(), command.expectedVersion(), CaseAction.DECIDE_FREEZE_REQUEST);
        FreezeRequestOnFile request = freezeRequests.decidable(command.requestId(), caseId, command.actor());
        apply(new FreezeRequestRejected(
                caseId,
                request.requestId(),
                request.warrantId(),
                request.holdings(),
                request.requestedBy(),
                command.actor(),
                command.reason()));
        return currentVersion();
    }

    @CommandHandler
    public CaseVersion handle(ReleaseAssets command) {
        admission().admit(command.actor(), command.expectedVersion(), CaseAction.RELEASE);
        Holdings released =
                frozen.takeable(CaseAction.RELEASE, command.releasesEverything(), command.holdings(), caseId);
        apply(new AssetsReleased(
                caseId,
                released,
                command.reason(),
                command.authorityReference(),
                command.actor(),
                frozen.total().minus(released)));
        return currentVersion();
    }

    @CommandHandler
    public CaseVersion handle(TurnOverAssets command) {
        admission().admit(command.actor(), command.expectedVersion(), CaseAction.TURN_OVER);
        Holdings handedOver =
                frozen.takeable(CaseAction.TURN_OVER, command.turnsOverEverything(), command.holdings(), caseId);
        apply(new AssetsTurnedOver(
                caseId,
                handedOver,
                command.destination(),
                command.authorityReference(),
                command.actor(),
                frozen.total().minus(handedOver)));
        return currentVersion();
    }

    @CommandHandler
    public CaseVersion handle(DismissCase command) {
        admission().admit(command.actor(), command.expectedVersion(), CaseAction.DISMISS);
        frozen.dismissalOnlyWhileNothingIsFrozen(caseId);
        apply(new CaseDismissed(caseId, command.reason(), command.actor()));
        return currentVersion();
    }

    @CommandHandler
    public CaseVersion handle(AddNote command) {
        admission().admit(command.actor(), command.expectedVersion(), CaseAction.ADD_NOTE);
        apply(new NoteAdded(caseId, command.text(), command.actor()));
        return currentVersion();
    }

    private void caseIdMustBeUnused(CaseId requested) {
        if (caseId != null) {
            throw conflict(
                    Policy.CASE_ID_MUST_BE_UNUSED,
                    "case " + requested
                            + " already exists; choose another case id or leave it out to have one generated");
        }
    }

    private CaseAdmission admission() {
        return new CaseAdmission(caseId, status, AggregateLifecycle.getVersion(), this::isPartyTo);
    }

    // ---------------------------------------------------------------- deadlines

    @DeadlineHandler(deadlineName = CaseDeadlines.WARRANT_EXPIRY_REMINDER)
    void remindOfExpiry(WarrantId warrantId) {
        // an extension cancels and replaces the reminder, so one that fires is for the current expiry
        warrants.unexpired(warrantId)
                .filter(warrant -> !status.isClosed())
                .ifPresent(warrant -> apply(new WarrantExpiryApproaching(caseId, warrantId, warrant.expiresAt())));
    }

    @DeadlineHandler(deadlineName = CaseDeadlines.WARRANT_EXPIRY)
    void expire(WarrantId warrantId) {
        warrants.unexpired(warrantId)
                .filter(warrant -> !status.isClosed() && warrant.hasExpiredAt(commandTime()))
                .ifPresent(warrant ->
                        apply(new WarrantExpired(caseId, warrantId, warrant.expiresAt(), frozen.under(warrantId))));
    }

    @DeadlineHandler(deadlineName = CaseDeadlines.BLOCKING_REPORT_DUE)
    void reportDue(FreezeRequestId obligationId) {
        obligations
                .overdueAt(obligationId, commandTime())
                .ifPresent(obligation -> apply(new BlockingReportOverdue(caseId, obligationId, obligation.dueAt())));
    }

    /**
     * The reminder comes the lead before expiry; a warrant recorded or extended to an expiry nearer
     * than the lead is reminded of at once (the other warrants' reminders are not repeated).
     */
    private void scheduleExpiry(
            Warrant warrant, boolean recordedOrExtendedNow, DeadlineManager deadlines, CaseDeadlines settings) {
        Instant reminder = warrant.expiresAt().minus(settings.warrantReminderLead());
        if (reminder.isAfter(commandTime())) {
            deadlines.schedule(reminder, CaseDeadlines.WARRANT_EXPIRY_REMINDER, warrant.warrantId());
        } else if (recordedOrExtendedNow) {
            deadlines.schedule(commandTime(), CaseDeadlines.WARRANT_EXPIRY_REMINDER, warrant.warrantId());
        }
        deadlines.schedule(warrant.expiresAt(), CaseDeadlines.WARRANT_EXPIRY, warrant.warrantId());
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(AccountFlagged event) {
        caseId = event.caseId();
        accountId = event.accountId();
        reason = event.reason();
        status = CaseLifecycle.statusAfter(status, event);
    }

    @EventSourcingHandler
    void on(WarrantReceived event) {
        warrants = warrants.received(event.warrant());
        status = CaseLifecycle.statusAfter(status, event);
    }

    @EventSourcingHandler
    void on(WarrantExtended event) {
        warrants = warrants.extended(event.warrantId(), event.newExpiresAt());
    }

    @EventSourcingHandler
    void on(WarrantExpired event) {
        warrants = warrants.expiredNow(event.warrantId());
    }

    @EventSourcingHandler
    void on(FreezeRequested event) {
        freezeRequests = freezeRequests.requested(event);
    }

    @EventSourcingHandler
    void on(AssetsFrozen event) {
        freezeRequests = freezeRequests.decided(event.requestId(), FreezeRequestOnFile.Decision.APPROVED);
        frozen = frozen.frozen(event.warrantId(), event.holdings());
        status = CaseLifecycle.statusAfter(status, event);
    }

    @EventSourcingHandler
    void on(FreezeRequestRejected event) {
        freezeRequests = freezeRequests.decided(event.requestId(), FreezeRequestOnFile.Decision.REJECTED);
    }

    @EventSourcingHandler
    void on(AssetsReleased event) {
        frozen = frozen.taken(event.holdings());
        status = CaseLifecycle.statusAfter(status, event);
    }

    @EventSourcingHandler
    void on(AssetsTurnedOver event) {
        frozen = frozen.taken(event.holdings());
        status = CaseLifecycle.statusAfter(status, event);
    }

    @EventSourcingHandler
    void on(CaseDismissed event) {
        status = CaseLifecycle.statusAfter(status, event);
    }

    @EventSourcingHandler
    void on(BlockingReportDue event) {
        obligations = obligations.owed(event.obligationId(), event.dueAt());
    }

    @EventSourcingHandler
    void on(BlockingReportFiled event) {
        obligations = obligations.filed(event.obligationId());
    }

    @EventSourcingHandler
    void on(BlockingReportOverdue event) {
        obligations = obligations.overdue(event.obligationId());
    }

    private boolean isPartyTo(AgencyCode agency) {
        return agency.equals(reason.agency()) || warrants.anyRequestedBy(agency);
    }

    /** The instant a command is judged at: the clock that also stamps the events it records. */
    private static Instant commandTime() {
        return GenericEventMessage.clock.instant();
    }

    CaseStatus status() {
        return status;
    }

    private CaseVersion currentVersion() {
        return new CaseVersion(caseId, AggregateLifecycle.getVersion());
    }
}

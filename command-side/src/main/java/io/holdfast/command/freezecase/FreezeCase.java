package io.holdfast.command.freezecase;

import static io.holdfast.kernel.freezecase.CaseCommandRejected.conflict;
import static io.holdfast.kernel.freezecase.CaseCommandRejected.notPermitted;
import static io.holdfast.kernel.freezecase.CaseCommandRejected.notVisible;
import static io.holdfast.kernel.freezecase.CaseCommandRejected.staleVersion;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.holdfast.command.screening.ScreeningCaseIds;
import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.AssetAmount;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.CaseStatus;
import io.holdfast.kernel.FlagReason;
import io.holdfast.kernel.FlagReasonType;
import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.OrderType;
import io.holdfast.kernel.Policy;
import io.holdfast.kernel.Role;
import io.holdfast.kernel.ScopeItem;
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
import io.holdfast.kernel.sanctions.SanctionsMatch;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * One account-freeze case, from flag to release, turn-over or dismissal. Every rule of the
 * lifecycle lives here as a named policy; a command that breaks one is refused with a sentence a
 * compliance officer understands, and nothing is recorded.
 */
@Aggregate(repository = FreezeCaseConfiguration.REPOSITORY)
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@Revision("1")
public class FreezeCase {

    @AggregateIdentifier
    private CaseId caseId;

    private AccountId accountId;
    private FlagReason reason;
    private CaseStatus status;
    private Map<String, Warrant> warrants = new LinkedHashMap<>();
    private Map<String, FreezeRequestOnFile> freezeRequests = new LinkedHashMap<>();
    /** In the order the freezes were approved: releases take from the oldest freeze first. */
    private List<FrozenUnderWarrant> frozen = new ArrayList<>();

    private Set<String> expiredWarrants = new LinkedHashSet<>();
    private Map<String, ObligationOnFile> obligations = new LinkedHashMap<>();

    protected FreezeCase() {
        // for Axon and for snapshots
    }

    // ---------------------------------------------------------------- commands

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CaseVersion handle(FlagAccount command) {
        caseIdMustBeUnused(command.caseId());
        roleMustPermit(command.actor(), CaseAction.FLAG);
        liaisonFlagsOnlyLawEnforcementRequestsOfItsAgency(command.actor(), command.reason());
        holdfastFlagsOnlyOnASanctionsMatch(command.actor(), command.match());
        screeningCaseIdsAreHoldfasts(command.caseId(), command.actor());
        matchMustBeTheReasonsListEntry(command.reason(), command.match());
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
        admit(command.actor(), command.expectedVersion(), CaseAction.RECORD_WARRANT);
        liaisonRecordsWarrantsOnlyForItsAgency(command.actor(), warrant);
        warrantIdMustBeUniqueInCase(warrant.warrantId());
        warrantMustNotHaveExpired(warrant, commandTime());
        apply(new WarrantReceived(caseId, warrant, command.actor()));
        scheduleExpiry(warrant, deadlines, settings);
        return currentVersion();
    }

    @CommandHandler
    public CaseVersion handle(ExtendWarrant command, DeadlineManager deadlines, CaseDeadlines settings) {
        admit(command.actor(), command.expectedVersion(), CaseAction.EXTEND_WARRANT);
        Warrant warrant = warrantMustBelongToCase(command.warrantId());
        liaisonRecordsWarrantsOnlyForItsAgency(command.actor(), warrant);
        extensionMustMoveExpiryLater(warrant, command.newExpiresAt());
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
        warrants.values().stream()
                .filter(each -> !expiredWarrants.contains(each.warrantId().value()))
                .forEach(each -> scheduleExpiry(each, deadlines, settings));
        return currentVersion();
    }

    @CommandHandler
    public CaseVersion handle(FileBlockingReport command, DeadlineManager deadlines) {
        admit(command.actor(), command.expectedVersion(), CaseAction.FILE_BLOCKING_REPORT);
        ObligationOnFile obligation = obligationMustExist(command.obligationId());
        blockingReportIsFiledOnce(obligation);
        apply(new BlockingReportFiled(
                caseId, command.obligationId(), command.reportReference(), command.filedAt(), command.actor()));
        deadlines.cancelAllWithinScope(CaseDeadlines.BLOCKING_REPORT_DUE);
        obligations.values().stream()
                .filter(open -> !open.filed() && !open.overdue())
                .forEach(open ->
                        deadlines.schedule(open.dueAt(), CaseDeadlines.BLOCKING_REPORT_DUE, open.obligationId()));
        return currentVersion();
    }

    @CommandHandler
    public CaseVersion handle(RequestFreeze command) {
        admit(command.actor(), command.expectedVersion(), CaseAction.REQUEST_FREEZE);
        freezeRequestIdMustBeUniqueInCase(command.requestId());
        Warrant warrant = warrantMustBelongToCase(command.warrantId());
        warrantMustBeInForce(warrant, commandTime());
        warrantMustCoverEveryAsset(warrant, command.holdings());
        freezeMustStayWithinWarrantMaximum(warrant, command.holdings());
        apply(new FreezeRequested(
                caseId, command.requestId(), command.warrantId(), command.holdings(), command.actor()));
        return currentVersion();
    }

    @CommandHandler
    public CaseVersion handle(ApproveFreeze command, DeadlineManager deadlines) {
        admit(command.actor(), command.expectedVersion(), CaseAction.DECIDE_FREEZE_REQUEST);
        FreezeRequestOnFile request = freezeRequestMustExist(command.requestId());
        onlyPendingRequestsAreDecided(request);
        approverMustNotBeRequester(command.actor(), request);
        Warrant warrant = warrants.get(request.warrantId().value());
        warrantMustBeInForce(warrant, commandTime());
        freezeMustStayWithinWarrantMaximum(warrant, request.holdings());
        apply(new AssetsFrozen(
                caseId,
                request.requestId(),
                request.warrantId(),
                request.holdings(),
                request.requestedBy(),
                command.actor(),
                command.comment(),
                frozenTotal().plus(request.holdings())));
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
        admit(command.actor(), command.expectedVersion(), CaseAction.DECIDE_FREEZE_REQUEST);
        FreezeRequestOnFile request = freezeRequestMustExist(command.requestId());
        onlyPendingRequestsAreDecided(request);
        approverMustNotBeRequester(command.actor(), request);
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
        admit(command.actor(), command.expectedVersion(), CaseAction.RELEASE);
        somethingMustBeFrozen(CaseAction.RELEASE);
        Holdings released = command.releasesEverything() ? frozenTotal() : command.holdings();
        cannotTakeMoreThanIsFrozen(CaseAction.RELEASE, released);
        apply(new AssetsReleased(
                caseId,
                released,
                command.reason(),
                command.authorityReference(),
                command.actor(),
                frozenTotal().minus(released)));
        return currentVersion();
    }

    @CommandHandler
    public CaseVersion handle(TurnOverAssets command) {
        admit(command.actor(), command.expectedVersion(), CaseAction.TURN_OVER);
        somethingMustBeFrozen(CaseAction.TURN_OVER);
        Holdings handedOver = command.turnsOverEverything() ? frozenTotal() : command.holdings();
        cannotTakeMoreThanIsFrozen(CaseAction.TURN_OVER, handedOver);
        apply(new AssetsTurnedOver(
                caseId,
                handedOver,
                command.destination(),
                command.authorityReference(),
                command.actor(),
                frozenTotal().minus(handedOver)));
        return currentVersion();
    }

    @CommandHandler
    public CaseVersion handle(DismissCase command) {
        admit(command.actor(), command.expectedVersion(), CaseAction.DISMISS);
        dismissalOnlyWhileNothingIsFrozen();
        apply(new CaseDismissed(caseId, command.reason(), command.actor()));
        return currentVersion();
    }

    @CommandHandler
    public CaseVersion handle(AddNote command) {
        admit(command.actor(), command.expectedVersion(), CaseAction.ADD_NOTE);
        apply(new NoteAdded(caseId, command.text(), command.actor()));
        return currentVersion();
    }

    // ---------------------------------------------------------------- policies

    /**
     * What every command to an existing case passes before its own rules: the case is visible to the
     * actor's agency, it is at the version the actor decided on, the actor's role permits the action,
     * and a closed case takes only what may still happen to it (notes, a report owed).
     */
    private void admit(Actor actor, Long expectedVersion, CaseAction action) {
        liaisonSeesOnlyCasesOfItsAgency(actor);
        commandMustTargetCurrentVersion(expectedVersion);
        if (action == CaseAction.DECIDE_FREEZE_REQUEST) {
            approverMustBeSupervisor(actor);
        } else {
            roleMustPermit(actor, action);
        }
        if (!action.isTakenByAClosedCase()) {
            closedCaseTakesOnlyNotes(action);
        }
    }

    private void caseIdMustBeUnused(CaseId requested) {
        if (caseId != null) {
            throw conflict(
                    Policy.CASE_ID_MUST_BE_UNUSED,
                    "case " + requested
                            + " already exists; choose another case id or leave it out to have one generated");
        }
    }

    private void commandMustTargetCurrentVersion(Long expectedVersion) {
        long currentVersion = AggregateLifecycle.getVersion();
        if (expectedVersion != null && expectedVersion != currentVersion) {
            throw staleVersion(
                    Policy.COMMAND_MUST_TARGET_CURRENT_VERSION,
                    "case " + caseId + " is at version " + currentVersion + ", not " + expectedVersion
                            + " as expected; read it again before deciding");
        }
    }

    private void roleMustPermit(Actor actor, CaseAction action) {
        if (!action.isPermittedFor(actor.role())) {
            throw notPermitted(
                    Policy.ROLE_MUST_PERMIT,
                    actor.userId() + " acts as " + actor.role() + " and may not " + action.description());
        }
    }

    private void liaisonFlagsOnlyLawEnforcementRequestsOfItsAgency(Actor actor, FlagReason flagReason) {
        if (!actor.isLiaison()) {
            return;
        }
        if (flagReason.type() != FlagReasonType.LAW_ENFORCEMENT_REQUEST
                || !actor.agency().equals(flagReason.agency())) {
            throw notPermitted(
                    Policy.LIAISON_FLAGS_ONLY_LAW_ENFORCEMENT_REQUESTS_OF_ITS_AGENCY,
                    "a liaison of " + actor.agency() + " may flag an account only on a law-enforcement request of "
                            + actor.agency());
        }
    }

    private static void holdfastFlagsOnlyOnASanctionsMatch(Actor actor, SanctionsMatch match) {
        if (actor.role() == Role.SYSTEM && match == null) {
            throw notPermitted(
                    Policy.HOLDFAST_FLAGS_ONLY_ON_A_SANCTIONS_MATCH,
                    "Holdfast flags an account by itself only on a sanctions match it can name");
        }
    }

    private static void screeningCaseIdsAreHoldfasts(CaseId id, Actor actor) {
        if (ScreeningCaseIds.isScreeningCase(id) && actor.role() != Role.SYSTEM) {
            throw conflict(
                    Policy.SCREENING_CASE_IDS_ARE_HOLDFASTS,
                    "case ids beginning '" + ScreeningCaseIds.PREFIX
                            + "' are given by sanctions screening; choose another case id");
        }
    }

    private static void matchMustBeTheReasonsListEntry(FlagReason reason, SanctionsMatch match) {
        if (match == null) {
            return;
        }
        if (reason.type() != FlagReasonType.SANCTIONS_MATCH
                || !match.list().equals(reason.list())
                || !match.entryUid().equals(reason.listEntryId())) {
            throw conflict(
                    Policy.MATCH_MUST_BE_THE_REASONS_LIST_ENTRY,
                    "a case opened on a sanctions match must give that list and entry as its reason (list "
                            + match.list() + ", entry " + match.entryUid() + ")");
        }
    }

    private void liaisonSeesOnlyCasesOfItsAgency(Actor actor) {
        if (actor.isLiaison() && !isPartyTo(actor.agency())) {
            throw notVisible(Policy.LIAISON_SEES_ONLY_CASES_OF_ITS_AGENCY, "case " + caseId + " was not found");
        }
    }

    private void liaisonRecordsWarrantsOnlyForItsAgency(Actor actor, Warrant warrant) {
        if (actor.isLiaison() && !actor.agency().equals(warrant.requestingAgency())) {
            throw notPermitted(
                    Policy.LIAISON_RECORDS_WARRANTS_ONLY_FOR_ITS_AGENCY,
                    "a liaison of " + actor.agency() + " may record only warrants requested by " + actor.agency()
                            + ", not by " + warrant.requestingAgency());
        }
    }

    private void closedCaseTakesOnlyNotes(CaseAction action) {
        if (status.isClosed()) {
            throw conflict(
                    Policy.CLOSED_CASE_TAKES_ONLY_NOTES,
                    "case " + caseId + " is " + status + " and takes nothing but notes; cannot "
                            + action.description());
        }
    }

    private void warrantIdMustBeUniqueInCase(WarrantId warrantId) {
        if (warrants.containsKey(warrantId.value())) {
            throw conflict(
                    Policy.WARRANT_ID_MUST_BE_UNIQUE_IN_CASE,
                    "warrant " + warrantId + " is already recorded on case " + caseId);
        }
    }

    private void freezeRequestIdMustBeUniqueInCase(FreezeRequestId requestId) {
        if (freezeRequests.containsKey(requestId.value())) {
            throw conflict(
                    Policy.FREEZE_REQUEST_ID_MUST_BE_UNIQUE_IN_CASE,
                    "freeze request " + requestId + " already exists on case " + caseId);
        }
    }

    private Warrant warrantMustBelongToCase(WarrantId warrantId) {
        Warrant warrant = warrants.get(warrantId.value());
        if (warrant == null) {
            throw conflict(
                    Policy.WARRANT_MUST_BELONG_TO_CASE, "warrant " + warrantId + " is not recorded on case " + caseId);
        }
        return warrant;
    }

    /** A warrant already expired gives no authority to freeze; recording it would only record its expiry. */
    private void warrantMustNotHaveExpired(Warrant warrant, Instant now) {
        if (warrant.hasExpiredAt(now)) {
            throw conflict(
                    Policy.WARRANT_MUST_NOT_HAVE_EXPIRED,
                    "warrant " + warrant.warrantId() + " expired at " + warrant.expiresAt()
                            + ", before it was recorded");
        }
    }

    private void warrantMustBeInForce(Warrant warrant, Instant now) {
        if (warrant.hasExpiredAt(now)) {
            throw conflict(
                    Policy.WARRANT_MUST_BE_IN_FORCE,
                    "warrant " + warrant.warrantId() + " expired at " + warrant.expiresAt());
        }
    }

    private void warrantMustCoverEveryAsset(Warrant warrant, Holdings holdings) {
        for (AssetAmount holding : holdings.items()) {
            if (warrant.scopeFor(holding.asset()).isEmpty()) {
                throw conflict(
                        Policy.WARRANT_MUST_COVER_EVERY_ASSET,
                        "warrant " + warrant.warrantId() + " does not cover " + holding.asset());
            }
        }
    }

    private void freezeMustStayWithinWarrantMaximum(Warrant warrant, Holdings holdings) {
        Holdings alreadyFrozen = frozenUnder(warrant.warrantId());
        for (AssetAmount holding : holdings.items()) {
            ScopeItem scope = warrant.scopeFor(holding.asset()).orElseThrow();
            if (!scope.isLimited()) {
                continue;
            }
            BigDecimal already = alreadyFrozen.amountOf(holding.asset());
            BigDecimal total = already.add(holding.amount());
            if (total.compareTo(scope.maxAmount()) > 0) {
                throw conflict(
                        Policy.FREEZE_MUST_STAY_WITHIN_WARRANT_MAXIMUM,
                        "warrant " + warrant.warrantId() + " allows at most "
                                + scope.maxAmount().toPlainString() + " "
                                + holding.asset() + "; " + already.toPlainString() + " is already frozen under it, so "
                                + holding.amount().toPlainString() + " more would exceed it");
            }
        }
    }

    private FreezeRequestOnFile freezeRequestMustExist(FreezeRequestId requestId) {
        FreezeRequestOnFile request = freezeRequests.get(requestId.value());
        if (request == null) {
            throw notVisible(
                    Policy.FREEZE_REQUEST_MUST_EXIST, "case " + caseId + " has no freeze request " + requestId);
        }
        return request;
    }

    private void approverMustBeSupervisor(Actor actor) {
        if (actor.role() != Role.SUPERVISOR) {
            throw notPermitted(
                    Policy.APPROVER_MUST_BE_SUPERVISOR,
                    "only a supervisor may approve or reject a freeze request; " + actor.userId() + " acts as "
                            + actor.role());
        }
    }

    private void onlyPendingRequestsAreDecided(FreezeRequestOnFile request) {
        if (!request.isPending()) {
            throw conflict(
                    Policy.ONLY_PENDING_REQUESTS_ARE_DECIDED,
                    "freeze request " + request.requestId() + " was already "
                            + request.decision().name().toLowerCase() + " and cannot be decided again");
        }
    }

    private void approverMustNotBeRequester(Actor actor, FreezeRequestOnFile request) {
        if (actor.userId().equals(request.requestedBy().userId())) {
            throw conflict(
                    Policy.APPROVER_MUST_NOT_BE_REQUESTER,
                    actor.userId() + " requested freeze " + request.requestId()
                            + " and may not decide it; a second supervisor must");
        }
    }

    private void somethingMustBeFrozen(CaseAction action) {
        if (frozenTotal().isEmpty()) {
            throw conflict(
                    Policy.SOMETHING_MUST_BE_FROZEN,
                    "nothing is frozen on case " + caseId + "; cannot " + action.description());
        }
    }

    private void cannotTakeMoreThanIsFrozen(CaseAction action, Holdings wanted) {
        Holdings held = frozenTotal();
        for (AssetAmount item : wanted.items()) {
            BigDecimal frozenAmount = held.amountOf(item.asset());
            if (frozenAmount.compareTo(item.amount()) < 0) {
                throw conflict(
                        Policy.CANNOT_TAKE_MORE_THAN_IS_FROZEN,
                        "cannot " + action.description() + ": " + item.amount().toPlainString() + " " + item.asset()
                                + " requested but only " + frozenAmount.toPlainString() + " " + item.asset()
                                + " is frozen on case " + caseId);
            }
        }
    }

    private void dismissalOnlyWhileNothingIsFrozen() {
        Holdings held = frozenTotal();
        if (!held.isEmpty()) {
            throw conflict(
                    Policy.DISMISSAL_ONLY_WHILE_NOTHING_IS_FROZEN,
                    "case " + caseId + " still holds " + held + " frozen; release or turn it over before dismissing");
        }
    }

    // ---------------------------------------------------------------- deadlines

    @DeadlineHandler(deadlineName = CaseDeadlines.WARRANT_EXPIRY_REMINDER)
    void remindOfExpiry(WarrantId warrantId) {
        Warrant warrant = warrants.get(warrantId.value());
        // an extension cancels and replaces the reminder, so one that fires is for the current expiry
        if (warrant != null && !status.isClosed() && !expiredWarrants.contains(warrantId.value())) {
            apply(new WarrantExpiryApproaching(caseId, warrantId, warrant.expiresAt()));
        }
    }

    @DeadlineHandler(deadlineName = CaseDeadlines.WARRANT_EXPIRY)
    void expire(WarrantId warrantId) {
        Warrant warrant = warrants.get(warrantId.value());
        if (warrant != null
                && !status.isClosed()
                && warrant.hasExpiredAt(commandTime())
                && !expiredWarrants.contains(warrantId.value())) {
            apply(new WarrantExpired(caseId, warrantId, warrant.expiresAt(), frozenUnder(warrantId)));
        }
    }

    @DeadlineHandler(deadlineName = CaseDeadlines.BLOCKING_REPORT_DUE)
    void reportDue(FreezeRequestId obligationId) {
        ObligationOnFile obligation = obligations.get(obligationId.value());
        if (obligation != null
                && !obligation.filed()
                && !obligation.overdue()
                && !commandTime().isBefore(obligation.dueAt())) {
            apply(new BlockingReportOverdue(caseId, obligationId, obligation.dueAt()));
        }
    }

    private void scheduleExpiry(Warrant warrant, DeadlineManager deadlines, CaseDeadlines settings) {
        Instant reminder = warrant.expiresAt().minus(settings.warrantReminderLead());
        if (reminder.isAfter(commandTime())) {
            deadlines.schedule(reminder, CaseDeadlines.WARRANT_EXPIRY_REMINDER, warrant.warrantId());
        }
        deadlines.schedule(warrant.expiresAt(), CaseDeadlines.WARRANT_EXPIRY, warrant.warrantId());
    }

    private void extensionMustMoveExpiryLater(Warrant warrant, Instant newExpiresAt) {
        if (!newExpiresAt.isAfter(warrant.expiresAt())) {
            throw conflict(
                    Policy.EXTENSION_MUST_MOVE_EXPIRY_LATER,
                    "warrant " + warrant.warrantId() + " expires at " + warrant.expiresAt()
                            + "; an extension must move its expiry later, not to " + newExpiresAt);
        }
    }

    private ObligationOnFile obligationMustExist(FreezeRequestId obligationId) {
        ObligationOnFile obligation = obligations.get(obligationId.value());
        if (obligation == null) {
            throw notVisible(
                    Policy.OBLIGATION_MUST_EXIST,
                    "case " + caseId + " has no blocking-report obligation " + obligationId);
        }
        return obligation;
    }

    private void blockingReportIsFiledOnce(ObligationOnFile obligation) {
        if (obligation.filed()) {
            throw conflict(
                    Policy.BLOCKING_REPORT_IS_FILED_ONCE,
                    "the blocking report for " + obligation.obligationId() + " was already filed");
        }
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
        warrants.put(event.warrant().warrantId().value(), event.warrant());
        status = CaseLifecycle.statusAfter(status, event);
    }

    @EventSourcingHandler
    void on(FreezeRequested event) {
        freezeRequests.put(
                event.requestId().value(),
                new FreezeRequestOnFile(
                        event.requestId(),
                        event.warrantId(),
                        event.holdings(),
                        event.requestedBy(),
                        FreezeRequestOnFile.Decision.PENDING));
    }

    @EventSourcingHandler
    void on(AssetsFrozen event) {
        decide(event.requestId(), FreezeRequestOnFile.Decision.APPROVED);
        addFrozen(event.warrantId(), event.holdings());
        status = CaseLifecycle.statusAfter(status, event);
    }

    @EventSourcingHandler
    void on(FreezeRequestRejected event) {
        decide(event.requestId(), FreezeRequestOnFile.Decision.REJECTED);
    }

    @EventSourcingHandler
    void on(AssetsReleased event) {
        takeFrozen(event.holdings());
        status = CaseLifecycle.statusAfter(status, event);
    }

    @EventSourcingHandler
    void on(AssetsTurnedOver event) {
        takeFrozen(event.holdings());
        status = CaseLifecycle.statusAfter(status, event);
    }

    @EventSourcingHandler
    void on(CaseDismissed event) {
        status = CaseLifecycle.statusAfter(status, event);
    }

    @EventSourcingHandler
    void on(WarrantExtended event) {
        warrants.computeIfPresent(event.warrantId().value(), (id, warrant) -> warrant.extendedTo(event.newExpiresAt()));
        expiredWarrants.remove(event.warrantId().value());
    }

    @EventSourcingHandler
    void on(WarrantExpired event) {
        expiredWarrants.add(event.warrantId().value());
    }

    @EventSourcingHandler
    void on(BlockingReportDue event) {
        obligations.put(
                event.obligationId().value(), new ObligationOnFile(event.obligationId(), event.dueAt(), false, false));
    }

    @EventSourcingHandler
    void on(BlockingReportFiled event) {
        obligations.computeIfPresent(event.obligationId().value(), (id, obligation) -> obligation.markedFiled());
    }

    @EventSourcingHandler
    void on(BlockingReportOverdue event) {
        obligations.computeIfPresent(event.obligationId().value(), (id, obligation) -> obligation.markedOverdue());
    }

    private void decide(FreezeRequestId requestId, FreezeRequestOnFile.Decision decision) {
        freezeRequests.computeIfPresent(requestId.value(), (id, request) -> request.decided(decision));
    }

    private void addFrozen(WarrantId warrantId, Holdings holdings) {
        for (int i = 0; i < frozen.size(); i++) {
            if (frozen.get(i).warrantId().equals(warrantId)) {
                frozen.set(
                        i,
                        new FrozenUnderWarrant(
                                warrantId, frozen.get(i).holdings().plus(holdings)));
                return;
            }
        }
        frozen.add(new FrozenUnderWarrant(warrantId, holdings));
    }

    /** Takes holdings away from the oldest freezes first, so each warrant's share stays known. */
    private void takeFrozen(Holdings taken) {
        Holdings stillToTake = taken;
        List<FrozenUnderWarrant> remaining = new ArrayList<>();
        for (FrozenUnderWarrant entry : frozen) {
            Holdings fromThisWarrant = entry.holdings().intersect(stillToTake);
            stillToTake = stillToTake.minus(fromThisWarrant);
            Holdings left = entry.holdings().minus(fromThisWarrant);
            if (!left.isEmpty()) {
                remaining.add(new FrozenUnderWarrant(entry.warrantId(), left));
            }
        }
        frozen = remaining;
    }

    private Holdings frozenUnder(WarrantId warrantId) {
        return frozen.stream()
                .filter(entry -> entry.warrantId().equals(warrantId))
                .map(FrozenUnderWarrant::holdings)
                .findFirst()
                .orElse(Holdings.empty());
    }

    private Holdings frozenTotal() {
        Holdings total = Holdings.empty();
        for (FrozenUnderWarrant entry : frozen) {
            total = total.plus(entry.holdings());
        }
        return total;
    }

    private boolean isPartyTo(AgencyCode agency) {
        if (agency.equals(reason.agency())) {
            return true;
        }
        return warrants.values().stream().anyMatch(warrant -> agency.equals(warrant.requestingAgency()));
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

package io.holdfast.command.freezecase;

import static io.holdfast.kernel.freezecase.CaseCommandRejected.conflict;
import static io.holdfast.kernel.freezecase.CaseCommandRejected.notPermitted;

import io.holdfast.command.screening.ScreeningCaseIds;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.FlagReason;
import io.holdfast.kernel.FlagReasonType;
import io.holdfast.kernel.Policy;
import io.holdfast.kernel.Role;
import io.holdfast.kernel.freezecase.FlagAccount;
import io.holdfast.kernel.sanctions.SanctionsMatch;

/** Who may open a case, and on what grounds. */
final class CaseOpening {

    private CaseOpening() {}

    static void mayFlag(FlagAccount command) {
        CaseAdmission.roleMustPermit(command.actor(), CaseAction.FLAG);
        liaisonFlagsOnlyLawEnforcementRequestsOfItsAgency(command.actor(), command.reason());
        holdfastFlagsOnlyOnASanctionsMatch(command.actor(), command.match());
        screeningCaseIdsAreHoldfasts(command);
        matchMustBeTheReasonsListEntry(command.reason(), command.match());
    }

    private static void liaisonFlagsOnlyLawEnforcementRequestsOfItsAgency(Actor actor, FlagReason reason) {
        if (actor.isLiaison()
                && (reason.type() != FlagReasonType.LAW_ENFORCEMENT_REQUEST
                        || !actor.agency().equals(reason.agency()))) {
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

    private static void screeningCaseIdsAreHoldfasts(FlagAccount command) {
        if (ScreeningCaseIds.isScreeningCase(command.caseId())
                && command.actor().role() != Role.SYSTEM) {
            throw conflict(
                    Policy.SCREENING_CASE_IDS_ARE_HOLDFASTS,
                    "case ids beginning '" + ScreeningCaseIds.PREFIX
                            + "' are given by sanctions screening; choose another case id");
        }
    }

    private static void matchMustBeTheReasonsListEntry(FlagReason reason, SanctionsMatch match) {
        if (match != null
                && (reason.type() != FlagReasonType.SANCTIONS_MATCH
                        || !match.list().equals(reason.list())
                        || !match.entryUid().equals(reason.listEntryId()))) {
            throw conflict(
                    Policy.MATCH_MUST_BE_THE_REASONS_LIST_ENTRY,
                    "a case opened on a sanctions match must give that list and entry as its reason (list "
                            + match.list() + ", entry " + match.entryUid() + ")");
        }
    }
}

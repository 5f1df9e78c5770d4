package io.holdfast.command.freezecase;

import static io.holdfast.kernel.freezecase.CaseCommandRejected.conflict;
import static io.holdfast.kernel.freezecase.CaseCommandRejected.notPermitted;
import static io.holdfast.kernel.freezecase.CaseCommandRejected.notVisible;
import static io.holdfast.kernel.freezecase.CaseCommandRejected.staleVersion;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.CaseStatus;
import io.holdfast.kernel.Policy;
import io.holdfast.kernel.Role;
import java.util.function.Predicate;

/**
 * What every command to an existing case passes before its own rules: the case is visible to the
 * actor's agency, it is at the version the actor decided on, the actor's role permits the action,
 * and a closed case takes only what may still happen to it (notes, a report owed).
 */
record CaseAdmission(CaseId caseId, CaseStatus status, long version, Predicate<AgencyCode> isParty) {

    void admit(Actor actor, Long expectedVersion, CaseAction action) {
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

    static void roleMustPermit(Actor actor, CaseAction action) {
        if (!action.isPermittedFor(actor.role())) {
            throw notPermitted(
                    Policy.ROLE_MUST_PERMIT,
                    actor.userId() + " acts as " + actor.role() + " and may not " + action.description());
        }
    }

    private void liaisonSeesOnlyCasesOfItsAgency(Actor actor) {
        if (actor.isLiaison() && !isParty.test(actor.agency())) {
            throw notVisible(Policy.LIAISON_SEES_ONLY_CASES_OF_ITS_AGENCY, "case " + caseId + " was not found");
        }
    }

    private void commandMustTargetCurrentVersion(Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != version) {
            throw staleVersion(
                    Policy.COMMAND_MUST_TARGET_CURRENT_VERSION,
                    "case " + caseId + " is at version " + version + ", not " + expectedVersion
                            + " as expected; read it again before deciding");
        }
    }

    private static void approverMustBeSupervisor(Actor actor) {
        if (actor.role() != Role.SUPERVISOR) {
            throw notPermitted(
                    Policy.APPROVER_MUST_BE_SUPERVISOR,
                    "only a supervisor may approve or reject a freeze request; " + actor.userId() + " acts as "
                            + actor.role());
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
}

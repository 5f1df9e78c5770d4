package io.holdfast.command.freezecase;

import static io.holdfast.kernel.freezecase.CaseCommandRejected.conflict;
import static io.holdfast.kernel.freezecase.CaseCommandRejected.notVisible;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.Policy;
import io.holdfast.kernel.freezecase.FreezeRequested;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The freeze requests made on a case, by id, each with the decision taken on it so far. */
record FreezeRequests(Map<String, FreezeRequestOnFile> byId) {

    FreezeRequests {
        byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    }

    static FreezeRequests none() {
        return new FreezeRequests(Map.of());
    }

    // ---------------------------------------------------------------- policies

    void freezeRequestIdMustBeUniqueInCase(FreezeRequestId requestId, CaseId caseId) {
        if (byId.containsKey(requestId.value())) {
            throw conflict(
                    Policy.FREEZE_REQUEST_ID_MUST_BE_UNIQUE_IN_CASE,
                    "freeze request " + requestId + " already exists on case " + caseId);
        }
    }

    FreezeRequestOnFile freezeRequestMustExist(FreezeRequestId requestId, CaseId caseId) {
        FreezeRequestOnFile request = byId.get(requestId.value());
        if (request == null) {
            throw notVisible(
                    Policy.FREEZE_REQUEST_MUST_EXIST, "case " + caseId + " has no freeze request " + requestId);
        }
        return request;
    }

    /** The request a supervisor may decide: one still pending, requested by someone else. */
    FreezeRequestOnFile decidable(FreezeRequestId requestId, CaseId caseId, Actor decider) {
        FreezeRequestOnFile request = freezeRequestMustExist(requestId, caseId);
        onlyPendingRequestsAreDecided(request);
        approverMustNotBeRequester(decider, request);
        return request;
    }

    private static void onlyPendingRequestsAreDecided(FreezeRequestOnFile request) {
        if (!request.isPending()) {
            throw conflict(
                    Policy.ONLY_PENDING_REQUESTS_ARE_DECIDED,
                    "freeze request " + request.requestId() + " was already "
                            + request.decision().name().toLowerCase() + " and cannot be decided again");
        }
    }

    private static void approverMustNotBeRequester(Actor actor, FreezeRequestOnFile request) {
        if (actor.userId().equals(request.requestedBy().userId())) {
            throw conflict(
                    Policy.APPROVER_MUST_NOT_BE_REQUESTER,
                    actor.userId() + " requested freeze " + request.requestId()
                            + " and may not decide it; a second supervisor must");
        }
    }

    // ---------------------------------------------------------------- changes

    FreezeRequests requested(FreezeRequested event) {
        Map<String, FreezeRequestOnFile> next = new LinkedHashMap<>(byId);
        next.put(
                event.requestId().value(),
                new FreezeRequestOnFile(
                        event.requestId(),
                        event.warrantId(),
                        event.holdings(),
                        event.requestedBy(),
                        FreezeRequestOnFile.Decision.PENDING));
        return new FreezeRequests(next);
    }

    FreezeRequests decided(FreezeRequestId requestId, FreezeRequestOnFile.Decision decision) {
        Map<String, FreezeRequestOnFile> next = new LinkedHashMap<>(byId);
        next.computeIfPresent(requestId.value(), (id, request) -> request.decided(decision));
        return new FreezeRequests(next);
    }
}

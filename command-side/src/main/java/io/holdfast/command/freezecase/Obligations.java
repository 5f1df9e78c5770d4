package io.holdfast.command.freezecase;

import static io.holdfast.kernel.freezecase.CaseCommandRejected.conflict;
import static io.holdfast.kernel.freezecase.CaseCommandRejected.notVisible;

import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.Policy;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The blocking reports a case owes, one per sanctions-blocking freeze, by the freeze request's id. */
record Obligations(Map<String, ObligationOnFile> byId) {

    Obligations {
        byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    }

    static Obligations none() {
        return new Obligations(Map.of());
    }

    /** The obligation whose report may be filed now: one that exists and has not been filed. */
    ObligationOnFile fileable(FreezeRequestId obligationId, CaseId caseId) {
        ObligationOnFile obligation = byId.get(obligationId.value());
        if (obligation == null) {
            throw notVisible(
                    Policy.OBLIGATION_MUST_EXIST,
                    "case " + caseId + " has no blocking-report obligation " + obligationId);
        }
        if (obligation.filed()) {
            throw conflict(
                    Policy.BLOCKING_REPORT_IS_FILED_ONCE,
                    "the blocking report for " + obligation.obligationId() + " was already filed");
        }
        return obligation;
    }

    /** Reports neither filed nor yet overdue: the ones whose due deadline is still to come. */
    Stream<ObligationOnFile> open() {
        return byId.values().stream().filter(each -> !each.filed() && !each.overdue());
    }

    /** The obligation, when it is open and its due time has come at {@code now}. */
    Optional<ObligationOnFile> overdueAt(FreezeRequestId obligationId, Instant now) {
        return Optional.ofNullable(byId.get(obligationId.value()))
                .filter(each -> !each.filed() && !each.overdue() && !now.isBefore(each.dueAt()));
    }

    Obligations owed(FreezeRequestId obligationId, Instant dueAt) {
        return with(new ObligationOnFile(obligationId, dueAt, false, false));
    }

    Obligations filed(FreezeRequestId obligationId) {
        return Optional.ofNullable(byId.get(obligationId.value()))
                .map(each -> with(each.markedFiled()))
                .orElse(this);
    }

    Obligations overdue(FreezeRequestId obligationId) {
        return Optional.ofNullable(byId.get(obligationId.value()))
                .map(each -> with(each.markedOverdue()))
                .orElse(this);
    }

    private Obligations with(ObligationOnFile obligation) {
        Map<String, ObligationOnFile> next = new LinkedHashMap<>(byId);
        next.put(obligation.obligationId().value(), obligation);
        return new Obligations(next);
    }
}

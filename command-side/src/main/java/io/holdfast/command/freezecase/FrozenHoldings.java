package io.holdfast.command.freezecase;

import static io.holdfast.kernel.freezecase.CaseCommandRejected.conflict;

import io.holdfast.kernel.AssetAmount;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.Policy;
import io.holdfast.kernel.ScopeItem;
import io.holdfast.kernel.Warrant;
import io.holdfast.kernel.WarrantId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What is frozen on a case, per warrant, in the order the freezes were approved: releases and
 * turn-overs take from the oldest freeze first, so each warrant's share stays known.
 */
record FrozenHoldings(List<FrozenUnderWarrant> byWarrant) {

    FrozenHoldings {
        byWarrant = List.copyOf(byWarrant);
    }

    static FrozenHoldings nothing() {
        return new FrozenHoldings(List.of());
    }

    // ---------------------------------------------------------------- policies

    void freezeMustStayWithinWarrantMaximum(Warrant warrant, Holdings holdings) {
        Holdings alreadyFrozen = under(warrant.warrantId());
        for (AssetAmount holding : holdings.items()) {
            ScopeItem scope = warrant.scopeFor(holding.asset()).orElseThrow();
            if (!scope.isLimited()) {
                continue;
            }
            BigDecimal already = alreadyFrozen.amountOf(holding.asset());
            if (already.add(holding.amount()).compareTo(scope.maxAmount()) > 0) {
                throw conflict(
                        Policy.FREEZE_MUST_STAY_WITHIN_WARRANT_MAXIMUM,
                        "warrant " + warrant.warrantId() + " allows at most "
                                + scope.maxAmount().toPlainString() + " "
                                + holding.asset() + "; " + already.toPlainString() + " is already frozen under it, so "
                                + holding.amount().toPlainString() + " more would exceed it");
            }
        }
    }

    /** What a release or turn-over takes: everything frozen, or what it names if no more than that. */
    Holdings takeable(CaseAction action, boolean everything, Holdings named, CaseId caseId) {
        somethingMustBeFrozen(action, caseId);
        Holdings taken = everything ? total() : named;
        cannotTakeMoreThanIsFrozen(action, taken, caseId);
        return taken;
    }

    private void somethingMustBeFrozen(CaseAction action, CaseId caseId) {
        if (total().isEmpty()) {
            throw conflict(
                    Policy.SOMETHING_MUST_BE_FROZEN,
                    "nothing is frozen on case " + caseId + "; cannot " + action.description());
        }
    }

    private void cannotTakeMoreThanIsFrozen(CaseAction action, Holdings wanted, CaseId caseId) {
        Holdings held = total();
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

    void dismissalOnlyWhileNothingIsFrozen(CaseId caseId) {
        Holdings held = total();
        if (!held.isEmpty()) {
            throw conflict(
                    Policy.DISMISSAL_ONLY_WHILE_NOTHING_IS_FROZEN,
                    "case " + caseId + " still holds " + held + " frozen; release or turn it over before dismissing");
        }
    }

    // ---------------------------------------------------------------- reading

    Holdings total() {
        Holdings total = Holdings.empty();
        for (FrozenUnderWarrant entry : byWarrant) {
            total = total.plus(entry.holdings());
        }
        return total;
    }

    Holdings under(WarrantId warrantId) {
        return byWarrant.stream()
                .filter(entry -> entry.warrantId().equals(warrantId))
                .map(FrozenUnderWarrant::holdings)
                .findFirst()
                .orElse(Holdings.empty());
    }

    // ---------------------------------------------------------------- changes

    FrozenHoldings frozen(WarrantId warrantId, Holdings holdings) {
        List<FrozenUnderWarrant> next = new ArrayList<>(byWarrant);
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).warrantId().equals(warrantId)) {
                next.set(
                        i,
                        new FrozenUnderWarrant(warrantId, next.get(i).holdings().plus(holdings)));
                return new FrozenHoldings(next);
            }
        }
        next.add(new FrozenUnderWarrant(warrantId, holdings));
        return new FrozenHoldings(next);
    }

    FrozenHoldings taken(Holdings taken) {
        Holdings stillToTake = taken;
        List<FrozenUnderWarrant> remaining = new ArrayList<>();
        for (FrozenUnderWarrant entry : byWarrant) {
            Holdings fromThisWarrant = entry.holdings().intersect(stillToTake);
            stillToTake = stillToTake.minus(fromThisWarrant);
            Holdings left = entry.holdings().minus(fromThisWarrant);
            if (!left.isEmpty()) {
                remaining.add(new FrozenUnderWarrant(entry.warrantId(), left));
            }
        }
        return new FrozenHoldings(remaining);
    }
}

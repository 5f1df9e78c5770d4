package io.holdfast.command.freezecase;

import static io.holdfast.kernel.freezecase.CaseCommandRejected.conflict;
import static io.holdfast.kernel.freezecase.CaseCommandRejected.notPermitted;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.AssetAmount;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.Policy;
import io.holdfast.kernel.Warrant;
import io.holdfast.kernel.WarrantId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The warrants recorded on a case, by id in the order they were recorded, and which have expired. */
record Warrants(Map<String, Warrant> recorded, Set<String> expired) {

    Warrants {
        recorded = Collections.unmodifiableMap(new LinkedHashMap<>(recorded));
        expired = Collections.unmodifiableSet(new LinkedHashSet<>(expired));
    }

    static Warrants none() {
        return new Warrants(Map.of(), Set.of());
    }

    // ---------------------------------------------------------------- policies

    void warrantIdMustBeUniqueInCase(WarrantId warrantId, CaseId caseId) {
        if (recorded.containsKey(warrantId.value())) {
            throw conflict(
                    Policy.WARRANT_ID_MUST_BE_UNIQUE_IN_CASE,
                    "warrant " + warrantId + " is already recorded on case " + caseId);
        }
    }

    Warrant warrantMustBelongToCase(WarrantId warrantId, CaseId caseId) {
        return find(warrantId)
                .orElseThrow(() -> conflict(
                        Policy.WARRANT_MUST_BELONG_TO_CASE,
                        "warrant " + warrantId + " is not recorded on case " + caseId));
    }

    static void liaisonRecordsWarrantsOnlyForItsAgency(Actor actor, Warrant warrant) {
        if (actor.isLiaison() && !actor.agency().equals(warrant.requestingAgency())) {
            throw notPermitted(
                    Policy.LIAISON_RECORDS_WARRANTS_ONLY_FOR_ITS_AGENCY,
                    "a liaison of " + actor.agency() + " may record only warrants requested by " + actor.agency()
                            + ", not by " + warrant.requestingAgency());
        }
    }

    /** A warrant already expired gives no authority to freeze; recording it would only record its expiry. */
    static void warrantMustNotHaveExpired(Warrant warrant, Instant now) {
        if (warrant.hasExpiredAt(now)) {
            throw conflict(
                    Policy.WARRANT_MUST_NOT_HAVE_EXPIRED,
                    "warrant " + warrant.warrantId() + " expired at " + warrant.expiresAt()
                            + ", before it was recorded");
        }
    }

    static void warrantMustBeInForce(Warrant warrant, Instant now) {
        if (warrant.hasExpiredAt(now)) {
            throw conflict(
                    Policy.WARRANT_MUST_BE_IN_FORCE,
                    "warrant " + warrant.warrantId() + " expired at " + warrant.expiresAt());
        }
    }

    static void warrantMustCoverEveryAsset(Warrant warrant, Holdings holdings) {
        for (AssetAmount holding : holdings.items()) {
            if (warrant.scopeFor(holding.asset()).isEmpty()) {
                throw conflict(
                        Policy.WARRANT_MUST_COVER_EVERY_ASSET,
                        "warrant " + warrant.warrantId() + " does not cover " + holding.asset());
            }
        }
    }

    static void extensionMustMoveExpiryLater(Warrant warrant, Instant newExpiresAt) {
        if (!newExpiresAt.isAfter(warrant.expiresAt())) {
            throw conflict(
                    Policy.EXTENSION_MUST_MOVE_EXPIRY_LATER,
                    "warrant " + warrant.warrantId() + " expires at " + warrant.expiresAt()
                            + "; an extension must move its expiry later, not to " + newExpiresAt);
        }
    }

    // ---------------------------------------------------------------- reading

    Optional<Warrant> find(WarrantId warrantId) {
        return Optional.ofNullable(recorded.get(warrantId.value()));
    }

    /** The warrant, while its expiry has not been recorded: the one whose deadlines still matter. */
    Optional<Warrant> unexpired(WarrantId warrantId) {
        return expired.contains(warrantId.value()) ? Optional.empty() : find(warrantId);
    }

    Stream<Warrant> allUnexpired() {
        return recorded.values().stream()
                .filter(warrant -> !expired.contains(warrant.warrantId().value()));
    }

    boolean anyRequestedBy(AgencyCode agency) {
        return recorded.values().stream().anyMatch(warrant -> agency.equals(warrant.requestingAgency()));
    }

    // ---------------------------------------------------------------- changes

    Warrants received(Warrant warrant) {
        Map<String, Warrant> next = new LinkedHashMap<>(recorded);
        next.put(warrant.warrantId().value(), warrant);
        return new Warrants(next, expired);
    }

    Warrants extended(WarrantId warrantId, Instant newExpiresAt) {
        Map<String, Warrant> next = new LinkedHashMap<>(recorded);
        next.computeIfPresent(warrantId.value(), (id, warrant) -> warrant.extendedTo(newExpiresAt));
        Set<String> stillExpired = new LinkedHashSet<>(expired);
        stillExpired.remove(warrantId.value());
        return new Warrants(next, stillExpired);
    }

    Warrants expiredNow(WarrantId warrantId) {
        Set<String> next = new LinkedHashSet<>(expired);
        next.add(warrantId.value());
        return new Warrants(recorded, next);
    }
}

package io.holdfast.query;

import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.AssetAmount;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FlagReason;
import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.OrderType;
import io.holdfast.kernel.ReleaseReason;
import io.holdfast.kernel.Role;
import io.holdfast.kernel.ScopeItem;
import io.holdfast.kernel.Sha256;
import io.holdfast.kernel.Subject;
import io.holdfast.kernel.Warrant;
import io.holdfast.kernel.WarrantId;
import io.holdfast.kernel.freezecase.AccountFlagged;
import io.holdfast.kernel.freezecase.AssetsFrozen;
import io.holdfast.kernel.freezecase.AssetsReleased;
import io.holdfast.kernel.freezecase.CaseEvent;
import io.holdfast.kernel.freezecase.FreezeRequested;
import io.holdfast.kernel.freezecase.WarrantReceived;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;

/** One case's events, as the projections receive them. */
public final class CaseEvents {

    public static final CaseId CASE = CaseId.of("CASE-1");
    public static final AccountId ACCOUNT = AccountId.of("ACC-1");
    public static final Actor OFFICER = Actor.of("officer", Role.OFFICER);
    public static final Actor SUPERVISOR = Actor.of("supervisor", Role.SUPERVISOR);
    public static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    public static final Holdings FROZEN =
            Holdings.of(AssetAmount.of("BTC", "49.5"), AssetAmount.of("USDT", "3050000.00"));

    private CaseEvents() {}

    public static AccountFlagged flagged(CaseId caseId, AccountId account, AgencyCode agency) {
        FlagReason reason = agency == null
                ? FlagReason.sanctionsMatch("OFAC-SDN", "SDN-1", null)
                : FlagReason.lawEnforcementRequest(agency, null);
        return new AccountFlagged(caseId, account, new Subject("Kim", List.of()), reason, List.of(), OFFICER);
    }

    public static WarrantReceived warrant(CaseId caseId, String warrantId, AgencyCode agency, Instant expiresAt) {
        return new WarrantReceived(
                caseId,
                new Warrant(
                        WarrantId.of(warrantId),
                        OrderType.SEIZURE_WARRANT,
                        "court",
                        agency,
                        "US-DC",
                        "23-SW-0412",
                        T0.minusSeconds(86_400),
                        expiresAt,
                        List.of(ScopeItem.unlimited("BTC"), ScopeItem.unlimited("USDT")),
                        Sha256.of("a".repeat(64))),
                OFFICER);
    }

    public static FreezeRequested requested(CaseId caseId) {
        return new FreezeRequested(caseId, FreezeRequestId.of("R-1"), WarrantId.of("W-1"), FROZEN, OFFICER);
    }

    public static AssetsFrozen frozen(CaseId caseId) {
        return new AssetsFrozen(
                caseId, FreezeRequestId.of("R-1"), WarrantId.of("W-1"), FROZEN, OFFICER, SUPERVISOR, null, FROZEN);
    }

    public static AssetsReleased releasedAll(CaseId caseId) {
        return new AssetsReleased(caseId, FROZEN, ReleaseReason.ORDER_LIFTED, "A", SUPERVISOR, Holdings.empty());
    }

    /** The event as a processor hands it over: from the case's stream, at a position of the event store. */
    public static TrackedEventMessage<CaseEvent> tracked(CaseEvent event, long sequence, Instant at, long position) {
        return new GenericTrackedDomainEventMessage<>(
                new GlobalSequenceTrackingToken(position),
                new GenericDomainEventMessage<>(
                        event.getClass().getSimpleName(),
                        event.caseId().value(),
                        sequence,
                        event,
                        MetaData.emptyInstance(),
                        java.util.UUID.randomUUID().toString(),
                        at));
    }
}

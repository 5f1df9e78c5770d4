package io.holdfast.command.freezecase;

import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.AssetAmount;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Evidence;
import io.holdfast.kernel.FlagReason;
import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.OrderType;
import io.holdfast.kernel.Role;
import io.holdfast.kernel.ScopeItem;
import io.holdfast.kernel.Sha256;
import io.holdfast.kernel.Subject;
import io.holdfast.kernel.Warrant;
import io.holdfast.kernel.WarrantId;
import io.holdfast.kernel.freezecase.AccountFlagged;
import io.holdfast.kernel.freezecase.AssetsFrozen;
import io.holdfast.kernel.freezecase.CaseCommandRejected;
import io.holdfast.kernel.freezecase.FreezeRequested;
import io.holdfast.kernel.freezecase.WarrantReceived;
import java.time.Instant;
import java.util.List;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;

/** The case the examples revolve around: the DPRK sanctions case of docs/DESIGN.md. */
public final class CaseExamples {

    public static final CaseId CASE = CaseId.of("CASE-1");
    public static final AccountId ACCOUNT = AccountId.of("ACC-88123");
    public static final AgencyCode FBI = AgencyCode.of("FBI");
    public static final AgencyCode HSI = AgencyCode.of("HSI");

    public static final Actor OFFICER = Actor.of("officer", Role.OFFICER);
    public static final Actor OFFICER2 = Actor.of("officer2", Role.OFFICER);
    public static final Actor SUPERVISOR = Actor.of("supervisor", Role.SUPERVISOR);
    public static final Actor SUPERVISOR2 = Actor.of("supervisor2", Role.SUPERVISOR);
    public static final Actor AUDITOR = Actor.of("auditor", Role.AUDITOR);
    public static final Actor ADMIN = Actor.of("admin", Role.ADMIN);
    public static final Actor LIAISON_FBI = Actor.liaison("liaison-fbi", FBI);
    public static final Actor LIAISON_HSI = Actor.liaison("liaison-hsi", HSI);

    public static final Instant ISSUED = Instant.parse("2023-05-24T15:00:00Z");
    public static final Instant EXPIRES = Instant.parse("2023-08-24T15:00:00Z");
    public static final Instant DURING_WARRANT = Instant.parse("2023-06-01T10:00:00Z");

    public static final WarrantId W1 = WarrantId.of("W-1");
    public static final WarrantId W2 = WarrantId.of("W-2");
    public static final FreezeRequestId R1 = FreezeRequestId.of("R-1");
    public static final FreezeRequestId R2 = FreezeRequestId.of("R-2");

    public static final Sha256 DOCUMENT = Sha256.of("a".repeat(64));
    public static final Subject SUBJECT = new Subject("Kim Sang Man", List.of("bc1qexampleaddress"));
    public static final FlagReason SANCTIONS =
            FlagReason.sanctionsMatch("OFAC-SDN", "SDN-12345", "name and wallet match");
    public static final List<Evidence> EVIDENCE =
            List.of(new Evidence("screening hit report", Sha256.of("b".repeat(64))));

    /** USDT up to 3,100,000 and BTC without limit, requested by the FBI. */
    public static Warrant warrant(WarrantId id) {
        return warrant(id, FBI);
    }

    public static Warrant warrant(WarrantId id, AgencyCode requestingAgency) {
        return new Warrant(
                id,
                OrderType.SEIZURE_WARRANT,
                "U.S. District Court for the District of Columbia",
                requestingAgency,
                "US-DC",
                "23-SW-0412",
                ISSUED,
                EXPIRES,
                List.of(ScopeItem.upTo("USDT", "3100000"), ScopeItem.unlimited("BTC")),
                DOCUMENT);
    }

    public static Holdings holdings(String... assetAndAmount) {
        AssetAmount[] items = new AssetAmount[assetAndAmount.length / 2];
        for (int i = 0; i < items.length; i++) {
            items[i] = AssetAmount.of(assetAndAmount[2 * i], assetAndAmount[2 * i + 1]);
        }
        return Holdings.of(items);
    }

    public static final Holdings REQUESTED = holdings("USDT", "3050000.00", "BTC", "49.5");

    public static AccountFlagged flagged() {
        return new AccountFlagged(CASE, ACCOUNT, SUBJECT, SANCTIONS, EVIDENCE, OFFICER);
    }

    public static WarrantReceived warrantReceived() {
        return new WarrantReceived(CASE, warrant(W1), OFFICER);
    }

    public static FreezeRequested freezeRequested() {
        return new FreezeRequested(CASE, R1, W1, REQUESTED, OFFICER);
    }

    public static AssetsFrozen assetsFrozen() {
        return new AssetsFrozen(CASE, R1, W1, REQUESTED, OFFICER, SUPERVISOR, "approved", REQUESTED);
    }

    public static Matcher<Object> rejectedBy(String policy, String sentence) {
        return new CustomTypeSafeMatcher<>("a rejection by policy " + policy + " saying \"" + sentence + "\"") {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof CaseCommandRejected rejected
                        && rejected.policy().equals(policy)
                        && rejected.getMessage().equals(sentence);
            }
        };
    }

    public static Matcher<Object> rejectedBy(String policy, CaseCommandRejected.Kind kind) {
        return new CustomTypeSafeMatcher<>("a rejection by policy " + policy + " of kind " + kind) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof CaseCommandRejected rejected
                        && rejected.policy().equals(policy)
                        && rejected.kind() == kind;
            }
        };
    }

    private CaseExamples() {}
}

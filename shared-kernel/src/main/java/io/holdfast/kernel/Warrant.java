package io.holdfast.kernel;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A warrant or other legal order, as recorded on a case: everything an auditor needs years later to
 * see on which legal basis assets were frozen.
 */
public record Warrant(
        WarrantId warrantId,
        OrderType orderType,
        String issuingAuthority,
        AgencyCode requestingAgency,
        String jurisdiction,
        String referenceNumber,
        Instant issuedAt,
        Instant expiresAt,
        List<ScopeItem> scope,
        Sha256 documentSha256) {

    /** ISO 3166-1 country code, optionally with an ISO 3166-2 subdivision ({@code US}, {@code US-DC}). */
    private static final Pattern JURISDICTION = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");

    public Warrant {
        Require.present("warrantId", warrantId);
        Require.present("orderType", orderType);
        Require.text("issuingAuthority", issuingAuthority, 300);
        Require.present("requestingAgency", requestingAgency);
        Require.present("jurisdiction", jurisdiction);
        if (!JURISDICTION.matcher(jurisdiction).matches()) {
            throw new InvalidValueException("jurisdiction", "must be an ISO 3166 code such as US or US-DC");
        }
        Require.text("referenceNumber", referenceNumber, 100);
        Require.present("issuedAt", issuedAt);
        Require.present("expiresAt", expiresAt);
        Require.after("expiresAt", expiresAt, "issuedAt", issuedAt);
        scope = Require.nonEmptyList("scope", scope, 100);
        Set<String> assets = new HashSet<>();
        for (ScopeItem item : scope) {
            if (!assets.add(item.asset())) {
                throw new InvalidValueException(
                        "scope", "must name each asset once, but " + item.asset() + " appears twice");
            }
        }
        Require.present("documentSha256", documentSha256);
    }

    public Optional<ScopeItem> scopeFor(String asset) {
        return scope.stream().filter(item -> item.asset().equals(asset)).findFirst();
    }

    /** The same warrant with a later expiry, as an extension records it. */
    public Warrant extendedTo(Instant newExpiresAt) {
        return new Warrant(
                warrantId,
                orderType,
                issuingAuthority,
                requestingAgency,
                jurisdiction,
                referenceNumber,
                issuedAt,
                newExpiresAt,
                scope,
                documentSha256);
    }

    /** A warrant is in force until the instant it expires, not at or after it. */
    public boolean hasExpiredAt(Instant instant) {
        return !instant.isBefore(expiresAt);
    }
}

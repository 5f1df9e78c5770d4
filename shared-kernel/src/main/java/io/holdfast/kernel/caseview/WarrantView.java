package io.holdfast.kernel.caseview;

import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.OrderType;
import io.holdfast.kernel.WarrantId;
import java.time.Instant;

/** A warrant as a case view shows it. */
public record WarrantView(
        WarrantId warrantId,
        OrderType orderType,
        AgencyCode requestingAgency,
        String referenceNumber,
        Instant issuedAt,
        Instant expiresAt,
        boolean expired) {

    public WarrantView judgedAt(Instant now) {
        return new WarrantView(
                warrantId, orderType, requestingAgency, referenceNumber, issuedAt, expiresAt, !now.isBefore(expiresAt));
    }
}

package io.holdfast.kernel.caseview;

import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.OrderType;
import io.holdfast.kernel.WarrantId;
import java.time.Instant;

/** One warrant of the registry, with its case. */
public record RegisteredWarrant(
        CaseId caseId,
        WarrantId warrantId,
        OrderType orderType,
        String issuingAuthority,
        AgencyCode requestingAgency,
        String jurisdiction,
        String referenceNumber,
        Instant issuedAt,
        Instant expiresAt,
        boolean expired) {}

package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Sha256;
import io.holdfast.kernel.WarrantId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The authority extended a warrant. */
@Revision("1")
public record WarrantExtended(
        CaseId caseId,
        WarrantId warrantId,
        Instant previousExpiresAt,
        Instant newExpiresAt,
        String authorityReference,
        Sha256 documentSha256,
        Actor extendedBy)
        implements CaseEvent {}

package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Require;
import io.holdfast.kernel.Sha256;
import io.holdfast.kernel.WarrantId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the authority extended a warrant: its new expiry, the order extending it and that order's hash. */
public record ExtendWarrant(
        @TargetAggregateIdentifier CaseId caseId,
        WarrantId warrantId,
        Instant newExpiresAt,
        String authorityReference,
        Sha256 documentSha256,
        Actor actor,
        Long expectedVersion) {

    public ExtendWarrant {
        Require.present("caseId", caseId);
        Require.present("warrantId", warrantId);
        Require.present("newExpiresAt", newExpiresAt);
        Require.text("authorityReference", authorityReference, 200);
        Require.present("documentSha256", documentSha256);
        Require.present("actor", actor);
    }

    public ExtendWarrant(
            CaseId caseId,
            WarrantId warrantId,
            Instant newExpiresAt,
            String authorityReference,
            Sha256 documentSha256,
            Actor actor) {
        this(caseId, warrantId, newExpiresAt, authorityReference, documentSha256, actor, null);
    }
}

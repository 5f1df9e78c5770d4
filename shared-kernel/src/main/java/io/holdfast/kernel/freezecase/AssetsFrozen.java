package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.WarrantId;
import org.axonframework.serialization.Revision;

/**
 * A supervisor approved a freeze request and the holdings are frozen under its warrant.
 * {@code frozenAfter} is everything frozen on the case once this freeze applied.
 */
@Revision("1")
public record AssetsFrozen(
        CaseId caseId,
        FreezeRequestId requestId,
        WarrantId warrantId,
        Holdings holdings,
        Actor requestedBy,
        Actor approvedBy,
        String comment,
        Holdings frozenAfter)
        implements CaseEvent {}

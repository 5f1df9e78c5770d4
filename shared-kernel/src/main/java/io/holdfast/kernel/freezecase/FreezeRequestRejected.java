package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.WarrantId;
import org.axonframework.serialization.Revision;

/** A supervisor turned down a freeze request; nothing was frozen by it. */
@Revision("1")
public record FreezeRequestRejected(
        CaseId caseId,
        FreezeRequestId requestId,
        WarrantId warrantId,
        Holdings holdings,
        Actor requestedBy,
        Actor rejectedBy,
        String reason)
        implements CaseEvent {}

package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.WarrantId;
import org.axonframework.serialization.Revision;

/** Someone asked for holdings to be frozen under a warrant; it waits for a supervisor's decision. */
@Revision("1")
public record FreezeRequested(
        CaseId caseId, FreezeRequestId requestId, WarrantId warrantId, Holdings holdings, Actor requestedBy)
        implements CaseEvent {}

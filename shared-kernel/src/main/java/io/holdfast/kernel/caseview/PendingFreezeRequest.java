package io.holdfast.kernel.caseview;

import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.WarrantId;
import java.time.Instant;

/** A freeze request waiting for a supervisor's decision. */
public record PendingFreezeRequest(
        FreezeRequestId requestId, WarrantId warrantId, Holdings holdings, String requestedBy, Instant requestedAt) {}

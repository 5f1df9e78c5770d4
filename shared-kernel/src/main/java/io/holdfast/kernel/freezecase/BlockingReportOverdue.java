package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FreezeRequestId;

import java.time.Instant;

/** An obligation's due time passed with no blocking report filed. */
public record BlockingReportOverdue(CaseId caseId, FreezeRequestId obligationId, Instant dueAt) implements CaseEvent {
}

package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FreezeRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An obligation's due time passed with no blocking report filed. */
@Revision("1")
public record BlockingReportOverdue(CaseId caseId, FreezeRequestId obligationId, Instant dueAt) implements CaseEvent {}

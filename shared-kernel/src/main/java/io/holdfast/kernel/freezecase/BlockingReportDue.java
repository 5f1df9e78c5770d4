package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.WarrantId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A freeze under a sanctions blocking opened the obligation to report the blocking, due 10 US
 * business days after the freeze. The obligation is named by the freeze request.
 */
@Revision("1")
public record BlockingReportDue(
        CaseId caseId, FreezeRequestId obligationId, WarrantId warrantId, Instant frozenAt, Instant dueAt)
        implements CaseEvent {}

package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FreezeRequestId;

import java.time.Instant;

/** The blocking report of an obligation was filed. */
public record BlockingReportFiled(CaseId caseId, FreezeRequestId obligationId, String reportReference, Instant filedAt,
                                  Actor filedBy) implements CaseEvent {
}

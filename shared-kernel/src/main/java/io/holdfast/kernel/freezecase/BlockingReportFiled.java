package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FreezeRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The blocking report of an obligation was filed. */
@Revision("1")
public record BlockingReportFiled(
        CaseId caseId, FreezeRequestId obligationId, String reportReference, Instant filedAt, Actor filedBy)
        implements CaseEvent {}

package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Evidence;
import io.holdfast.kernel.FlagReason;
import io.holdfast.kernel.Subject;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A freeze case was opened on an account. */
@Revision("1")
public record AccountFlagged(
        CaseId caseId,
        AccountId accountId,
        Subject subject,
        FlagReason reason,
        List<Evidence> evidence,
        Actor flaggedBy)
        implements CaseEvent {}

package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Evidence;
import io.holdfast.kernel.FlagReason;
import io.holdfast.kernel.Subject;

import java.util.List;

/** A freeze case was opened on an account. */
public record AccountFlagged(
        CaseId caseId,
        AccountId accountId,
        Subject subject,
        FlagReason reason,
        List<Evidence> evidence,
        Actor flaggedBy) implements CaseEvent {
}

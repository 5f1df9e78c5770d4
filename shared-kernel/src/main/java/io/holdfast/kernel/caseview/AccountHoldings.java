package io.holdfast.kernel.caseview;

import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Holdings;
import java.util.List;

/** What is frozen on an account, summed over the cases that hold it frozen. */
public record AccountHoldings(AccountId accountId, Holdings frozen, List<CaseId> cases) {}

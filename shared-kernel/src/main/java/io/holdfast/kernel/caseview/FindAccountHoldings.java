package io.holdfast.kernel.caseview;

import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.AgencyCode;

/** What is frozen on an account across its cases (for a liaison: across its agency's cases). */
public record FindAccountHoldings(AccountId accountId, AgencyCode visibleTo) {}

package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.CaseId;

/**
 * What a case answers to an accepted command: its id and its version afterwards (the sequence
 * number of its last event), which clients use as the ETag for optimistic concurrency.
 */
public record CaseVersion(CaseId caseId, long version) {}

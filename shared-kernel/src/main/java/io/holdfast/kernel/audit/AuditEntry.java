package io.holdfast.kernel.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One event of a case's history as the audit trail keeps it: where it stands (sequence in its
 * case, global index in the store), what it was, who caused it, the payload and metadata exactly
 * as stored, its place in the case's hash chain, and its leaf in the ledger ({@code ledgerIndex},
 * {@code null} until the ledger takes it; not part of what the chain hashes).
 */
public record AuditEntry(
        String caseId,
        long sequence,
        long globalIndex,
        String eventId,
        String type,
        String payloadType,
        String revision,
        String occurredAt,
        String actor,
        String role,
        String agency,
        String correlationId,
        @JsonRawValue String payload,
        @JsonRawValue String metadata,
        String previousHash,
        String hash,
        Long ledgerIndex) {}

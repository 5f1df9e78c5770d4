package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.WarrantId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A warrant of a case expired. {@code stillFrozenUnderIt} is what remained frozen under it then:
 * nothing is released by itself; a person decides.
 */
@Revision("1")
public record WarrantExpired(CaseId caseId, WarrantId warrantId, Instant expiredAt, Holdings stillFrozenUnderIt)
        implements CaseEvent {}

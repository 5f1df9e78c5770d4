package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Holdings;
import org.axonframework.serialization.Revision;

/**
 * Frozen holdings were handed over to the authority. {@code stillFrozen} is what remains frozen on
 * the case; when it is empty the case is turned over.
 */
@Revision("1")
public record AssetsTurnedOver(
        CaseId caseId,
        Holdings holdings,
        String destination,
        String authorityReference,
        Actor turnedOverBy,
        Holdings stillFrozen)
        implements CaseEvent {}

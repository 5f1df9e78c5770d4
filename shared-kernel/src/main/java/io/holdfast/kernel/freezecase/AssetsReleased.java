package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.ReleaseReason;
import org.axonframework.serialization.Revision;

/**
 * Frozen holdings were released. {@code stillFrozen} is what remains frozen on the case; when it is
 * empty the case is released.
 */
@Revision("1")
public record AssetsReleased(
        CaseId caseId,
        Holdings holdings,
        ReleaseReason reason,
        String authorityReference,
        Actor releasedBy,
        Holdings stillFrozen)
        implements CaseEvent {}

package io.holdfast.kernel.sanctions;

import io.holdfast.kernel.Actor;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A held list file stopped being held: {@code CONFIRMED} by a second person (the version it became
 * is recorded before this, as any import's), {@code WITHDRAWN} by a supervisor or an administrator,
 * or {@code SUPERSEDED} by a later import of the list. {@code sha256} names the held file.
 */
@Revision("1")
public record SanctionsListHoldEnded(String listId, String sha256, Outcome outcome, Actor endedBy, Instant endedAt) {

    public enum Outcome {
        CONFIRMED,
        WITHDRAWN,
        SUPERSEDED
    }
}

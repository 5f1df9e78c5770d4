package io.holdfast.query.replay;

import java.time.Instant;

/** An event a projection could not handle, parked with the rest of its case's sequence. */
public record ParkedEvent(
        String processor,
        String sequence,
        String eventId,
        String type,
        String caseId,
        String cause,
        Instant enqueuedAt,
        Instant lastTouched) {}

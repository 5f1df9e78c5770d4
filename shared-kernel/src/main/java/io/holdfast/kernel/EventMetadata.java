package io.holdfast.kernel;

import java.util.HashMap;
import java.util.Map;

/**
 * The metadata every command, and so every event it records, carries: who acted (actor, role,
 * agency), the correlation id of the request or run, and the Idempotency-Key. The audit trail
 * reads the same keys.
 */
public final class EventMetadata {

    public static final String ACTOR = "actor";
    public static final String ROLE = "role";
    public static final String AGENCY = "agency";
    public static final String CORRELATION_ID = "correlationId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private EventMetadata() {}

    /** Who acts, as metadata. */
    public static Map<String, Object> of(Actor actor) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(ACTOR, actor.userId());
        metadata.put(ROLE, actor.role().name());
        if (actor.agency() != null) {
            metadata.put(AGENCY, actor.agency().value());
        }
        return metadata;
    }
}

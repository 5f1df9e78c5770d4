package io.holdfast.query.ledger;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the audit trail has come, from its projection's positions (the lowest of its segments):
 * {@code seen}, the global index up to which it has read, and {@code gapFree}, up to which it has
 * read every event, below the oldest gap (an index whose transaction had not committed when the
 * projection passed it). Nothing above {@code seen} is audited yet; above {@code gapFree} an event
 * may still be audited late.
 */
@Component
class AuditTrailHorizon {

    static final String PROCESSOR = "audit-trail";

    record Horizon(long gapFree, long seen) {
        static final Horizon NOTHING = new Horizon(-1, -1);
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    AuditTrailHorizon(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    Horizon now() {
        List<Horizon> segments = jdbc.query(
                "select token, token_type from token_entry where processor_name = ?",
                (row, i) -> horizon(row.getBytes("token"), row.getString("token_type")),
                PROCESSOR);
        return segments.stream()
                .reduce((a, b) -> new Horizon(Math.min(a.gapFree(), b.gapFree()), Math.min(a.seen(), b.seen())))
                .orElse(Horizon.NOTHING);
    }

    private Horizon horizon(byte[] token, String type) {
        if (token == null || type == null) {
            return Horizon.NOTHING;
        }
        TrackingToken read = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        if (read == null) {
            return Horizon.NOTHING;
        }
        TrackingToken reading = WrappedToken.unwrapUpperBound(read);
        long seen = reading == null ? -1 : reading.position().orElse(-1);
        TrackingToken gapAware = WrappedToken.unwrapLowerBound(read);
        long gapFree = gapAware instanceof GapAwareTrackingToken gaps
                        && !gaps.getGaps().isEmpty()
                ? gaps.getGaps().first() - 1
                : gapAware == null ? -1 : gapAware.position().orElse(-1);
        return new Horizon(Math.min(gapFree, seen), seen);
    }
}

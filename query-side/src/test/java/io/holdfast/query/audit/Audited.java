package io.holdfast.query.audit;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.holdfast.query.ProcessorBatch;
import io.holdfast.query.performance.ReadModelWrites;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.jdbc.core.JdbcTemplate;

/** Events written into the audit trail by its own projection, for tests of what reads the trail. */
public final class Audited {

    private Audited() {}

    public static void write(JdbcTemplate jdbc, List<? extends TrackedEventMessage<?>> events) {
        AuditTrailProjection projection = new AuditTrailProjection(
                new AuditRepository(jdbc),
                JacksonSerializer.builder()
                        .objectMapper(JsonMapper.builder()
                                .addModule(new JavaTimeModule())
                                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                .build())
                        .defaultTyping()
                        .build(),
                ReadModelWrites.inSavepoints(jdbc.getDataSource()),
                event -> {});
        if (ProcessorBatch.handle(jdbc, events, message -> projection.on((DomainEventMessage<?>) message))
                .isExceptional()) {
            throw new IllegalStateException("the audit trail refused the events");
        }
    }
}

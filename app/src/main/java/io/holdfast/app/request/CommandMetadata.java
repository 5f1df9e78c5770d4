package io.holdfast.app.request;

import io.holdfast.app.security.CurrentActor;
import io.holdfast.kernel.EventMetadata;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.MDC;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Stamps every command sent while serving a request with who sent it and why (actor, role, agency,
 * correlation id, idempotency key). Axon copies these onto every event the command records.
 */
public class CommandMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String ACTOR = EventMetadata.ACTOR;
    public static final String ROLE = EventMetadata.ROLE;
    public static final String AGENCY = EventMetadata.AGENCY;
    public static final String CORRELATION_ID = EventMetadata.CORRELATION_ID;
    public static final String IDEMPOTENCY_KEY = EventMetadata.IDEMPOTENCY_KEY;
    public static final List<String> KEYS = List.of(ACTOR, ROLE, AGENCY, CORRELATION_ID, IDEMPOTENCY_KEY);

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(current());
    }

    private static Map<String, Object> current() {
        Map<String, Object> metadata = CurrentActor.get().map(EventMetadata::of).orElseGet(HashMap::new);
        String correlationId = MDC.get(CORRELATION_ID);
        if (correlationId != null) {
            metadata.put(CORRELATION_ID, correlationId);
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String key = attributes.getRequest().getHeader(IdempotencyFilter.HEADER);
            if (key != null) {
                metadata.put(IDEMPOTENCY_KEY, key);
            }
        }
        return metadata;
    }
}

package io.holdfast.app.metrics;

import io.holdfast.query.replay.Projections;
import io.holdfast.query.replay.ReplayStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Each projection's lag and parked events as gauges, read when they are scraped:
 * {@code holdfast.projection.lag.events} (the newest event in the store less the projection's
 * position), {@code holdfast.projection.lag.seconds} (how long it has been behind: 0 when it has
 * caught up) and {@code holdfast.projection.dead.letters} (events it parked).
 */
@Component
class ProjectionMeters {

    private final Projections projections;
    private final EventProcessingConfiguration processing;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> caughtUpAt = new ConcurrentHashMap<>();

    ProjectionMeters(Projections projections, EventProcessingConfiguration processing, MeterRegistry meters) {
        this.projections = projections;
        this.processing = processing;
        this.meters = meters;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        processing.eventProcessors().forEach((processor, running) -> {
            if (running instanceof StreamingEventProcessor) {
                register(processor);
            }
        });
    }

    private void register(String processor) {
        caughtUpAt.put(processor, clock.instant());
        Gauge.builder("holdfast.projection.lag.events", () -> lagInEvents(processor))
                .tag("processor", processor)
                .description("events in the store the projection has not applied yet")
                .register(meters);
        Gauge.builder("holdfast.projection.lag.seconds", () -> secondsBehind(processor))
                .tag("processor", processor)
                .description("how long the projection has been behind the store; 0 when it has caught up")
                .register(meters);
        Gauge.builder("holdfast.projection.dead.letters", () -> parked(processor))
                .tag("processor", processor)
                .description("events the projection parked because it could not apply them")
                .register(meters);
    }

    private double lagInEvents(String processor) {
        ReplayStatus status = projections.status(processor);
        long lag = Math.max(0, status.head() - status.position());
        if (lag == 0) {
            caughtUpAt.put(processor, clock.instant());
        }
        return lag;
    }

    private double secondsBehind(String processor) {
        if (lagInEvents(processor) == 0) {
            return 0;
        }
        return Math.max(
                        0,
                        clock.instant().toEpochMilli()
                                - caughtUpAt.get(processor).toEpochMilli())
                / 1000.0;
    }

    private double parked(String processor) {
        return processing
                .deadLetterQueue(processor)
                .map(queue -> (double) queue.size())
                .orElse(0.0);
    }
}

package io.holdfast.query.caseview;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Ends every live update stream when Holdfast begins to stop. A stream never ends by itself, so the
 * web server's graceful shutdown waited its whole time for the streams open at that moment and
 * then gave up on them; ended first, they let it finish as soon as the other requests have.
 * A portal's event source connects again, to another node or to this one restarted.
 */
@Component
class LiveUpdatesEnd {

    private final Sinks.One<Boolean> stopping = Sinks.one();

    Mono<Boolean> whenStopping() {
        return stopping.asMono();
    }

    @EventListener(ContextClosedEvent.class)
    void holdfastIsStopping() {
        stopping.tryEmitValue(true);
    }
}

package io.holdfast.query.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How reads are answered ({@code holdfast.reads.*}): a read with {@code minVersion} waits at most
 * {@code minVersionWait} for the view to catch up; a live update stream sends a comment every
 * {@code liveUpdateHeartbeat}; {@code recheckThreads} ask a view again for reads still waiting; the
 * views this node's projection committed answer reads from memory ({@code caseViewsInMemory}).
 */
@ConfigurationProperties("holdfast.reads")
public record ReadSettings(
        @DefaultValue("5s") Duration minVersionWait,
        @DefaultValue("15s") Duration liveUpdateHeartbeat,
        @DefaultValue("4") int recheckThreads,
        @DefaultValue CaseViewsInMemory caseViewsInMemory) {

    /**
     * The {@code maxCases} views kept, each for {@code keepFor}: unset, the token claim time-out, so a
     * view is never kept past the moment another node may have taken over its segment.
     */
    public record CaseViewsInMemory(@DefaultValue("4096") long maxCases, Duration keepFor) {}
}

package io.holdfast.query.performance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the read-model projections wait, once an event arrives after none, for the events of
 * other commands committing with it, so one batch takes them all ({@code holdfast.projections.linger};
 * 0 takes each event as soon as it is there).
 */
@ConfigurationProperties("holdfast.projections")
public record ProjectionSettings(@DefaultValue("5ms") Duration linger) {}

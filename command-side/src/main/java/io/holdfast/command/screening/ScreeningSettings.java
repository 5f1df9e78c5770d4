package io.holdfast.command.screening;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How screening runs ({@code holdfast.screening.*}): queued runs are looked for every
 * {@code pollInterval}; a run whose node stopped is taken up by another after {@code lease}; at
 * shutdown a run pauses at its next step within {@code shutdownWait}; a holder's name is listed for
 * review from a Jaro-Winkler similarity of {@code nameMatchThreshold}.
 */
@ConfigurationProperties("holdfast.screening")
public record ScreeningSettings(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("10m") Duration lease,
        @DefaultValue("10s") Duration shutdownWait,
        @DefaultValue("0.92") double nameMatchThreshold) {}

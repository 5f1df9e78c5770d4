package io.holdfast.command.freezecase;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** A snapshot of a case every {@code threshold} events ({@code holdfast.snapshot.threshold}). */
@ConfigurationProperties("holdfast.snapshot")
public record SnapshotSettings(@DefaultValue("50") int threshold) {}

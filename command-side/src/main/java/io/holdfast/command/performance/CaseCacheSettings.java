package io.holdfast.command.performance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cases kept in memory between commands, brought up to date from the store before each
 * ({@code holdfast.case-cache.*}): on, and the {@code maxCases} most recently used.
 */
@ConfigurationProperties("holdfast.case-cache")
public record CaseCacheSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("4096") long maxCases) {}

package io.holdfast.app.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What a node lets in at once and how much ({@code holdfast.http.*}): bodies up to
 * {@code maxBodySize} (list files and address CSV up to {@code maxUploadSize}); at most
 * {@code maxConcurrentWrites} commands (unset: two per core), {@code maxConcurrentReads} reads and
 * {@code maxConcurrentUploads} uploads worked on, {@code maxOpenWaits} waiting reads and streams open;
 * a request that finds no room within {@code admissionWait} is a 503 asking to come back after
 * {@code retryAfter}.
 */
@ConfigurationProperties("holdfast.http")
public record HttpSettings(
        @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue("200MB") DataSize maxUploadSize,
        Integer maxConcurrentWrites,
        @DefaultValue("64") int maxConcurrentReads,
        @DefaultValue("4") int maxConcurrentUploads,
        @DefaultValue("1024") int maxOpenWaits,
        @DefaultValue("200ms") Duration admissionWait,
        @DefaultValue("1s") Duration retryAfter) {}

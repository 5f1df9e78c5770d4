package io.holdfast.app.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Axon's storage engine on the event store's tables ({@code holdfast.event-store.engine}: {@code jdbc}
 * or {@code jpa}) and how many events one query fetches when a projection reads the stream
 * ({@code readBatch}, JDBC engine).
 */
@ConfigurationProperties("holdfast.event-store")
public record EventStoreSettings(
        @DefaultValue("jdbc") String engine,
        @DefaultValue("100") int readBatch) {}

package io.holdfast.app.storage;

import io.holdfast.query.performance.FollowedEvents;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the embedded default needs of its own: H2's file housekeeping, and a way past commits H2 lost. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:')")
class EmbeddedStoreConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    EmbeddedStoreHousekeeping embeddedStoreHousekeeping(DataSource dataSource) {
        return new EmbeddedStoreHousekeeping(dataSource, Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    /**
     * Once H2 has closed the store under Holdfast, the projections read the store itself, each asking
     * it again every 50 ms when it has nothing, until Holdfast is started again: the event store's
     * shared cache may hold events of commits H2 lost and lack the events that took their indexes.
     */
    @Bean(destroyMethod = "close")
    ProjectionsReadTheStoreAfterALoss projectionsReadTheStoreAfterALoss(
            FollowedEvents projectionEvents, ObjectProvider<EventStorageEngine> store) {
        return new ProjectionsReadTheStoreAfterALoss(projectionEvents, store);
    }
}

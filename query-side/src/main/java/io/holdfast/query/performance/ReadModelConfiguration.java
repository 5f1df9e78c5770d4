package io.holdfast.query.performance;

import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read models' shared plumbing. */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    @Bean
    ReadModelWrites readModelWrites(DataSource dataSource) {
        return ReadModelWrites.inSavepoints(dataSource);
    }

    /** The stream the read-model projections follow: named as their {@code source} in application.yml. */
    @Bean
    LingeringEvents lingeringEvents(EventStore eventStore, ProjectionSettings settings) {
        return new LingeringEvents(eventStore, settings.linger());
    }
}

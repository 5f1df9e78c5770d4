package io.holdfast.query.sanctions;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The lists' projection stops and retries on a failing event rather than show a list with an entry missing. */
@Configuration
class SanctionsListsConfiguration {

    @Bean
    ConfigurerModule sanctionsListsStopOnFailure() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(
                        SanctionsListsProjection.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}

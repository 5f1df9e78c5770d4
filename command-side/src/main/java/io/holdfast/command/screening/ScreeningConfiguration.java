package io.holdfast.command.screening;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Screening's projection stops and retries on a failing event rather than skip it and screen against a partial list. */
@Configuration
class ScreeningConfiguration {

    @Bean
    ConfigurerModule designationsStopOnFailure() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(
                        DesignationsProjection.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}

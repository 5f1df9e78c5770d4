package io.holdfast.app.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.junit.jupiter.api.Test;

class CorrelationOutsideProjectionsTest {

    private static final MetaData REQUEST =
            MetaData.from(Map.of("actor", "officer", "role", "OFFICER", "correlationId", "corr-1"));

    private final CorrelationOutsideProjections provider =
            new CorrelationOutsideProjections(new SimpleCorrelationDataProvider("actor", "role", "correlationId"));

    @Test
    void aCommandPassesTheRequestsMetadataOnToTheEventsItRecords() {
        assertThat(provider.correlationDataFor(new GenericCommandMessage<>("flag").withMetaData(REQUEST)))
                .isEqualTo(Map.of("actor", "officer", "role", "OFFICER", "correlationId", "corr-1"));
    }

    @Test
    void aFiringDeadlinePassesItsMetadataOnToTheEventsItRecords() {
        assertThat(provider.correlationDataFor(
                        GenericDeadlineMessage.asDeadlineMessage("warrantExpiry", null, java.time.Instant.now())
                                .withMetaData(REQUEST)))
                .isEqualTo(Map.of("actor", "officer", "role", "OFFICER", "correlationId", "corr-1"));
    }

    @Test
    void anEventHandledByAProjectionIsNotAsked() {
        assertThat(provider.correlationDataFor(
                        GenericEventMessage.asEventMessage("AccountFlagged").withMetaData(REQUEST)))
                .isEmpty();
    }
}

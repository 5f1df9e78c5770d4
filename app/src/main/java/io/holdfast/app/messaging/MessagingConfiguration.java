package io.holdfast.app.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;

/**
 * The buses' local parts, as Axon's auto-configuration builds them, answering refusals with
 * details that survive Axon Server. On the {@code axonserver} profile Axon's server-backed buses
 * hand every command and query they receive to these.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    @Bean
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(
            TransactionManager transactions,
            Configuration axon,
            DuplicateCommandHandlerResolver duplicates,
            MeterRegistry meters) {
        SimpleCommandBus bus = new CommandBusAnsweringRefusals(
                SimpleCommandBus.builder()
                        .transactionManager(transactions)
                        .duplicateCommandHandlerResolver(duplicates)
                        .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                        .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus")),
                meters);
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return bus;
    }

    @Autowired
    void answerRefusedQueriesWithDetails(QueryBus queries) {
        queries.registerHandlerInterceptor(new QueryHandlersAnsweringRefusals());
    }
}

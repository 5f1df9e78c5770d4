package io.holdfast.app.storage;

import io.holdfast.app.framework.QueriesWithoutTransactions;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The transactions Axon opens: Spring's, except around a query (see {@link QueriesWithoutTransactions}). */
@Configuration(proxyBeanMethods = false)
public class AxonTransactionConfiguration {

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new QueriesWithoutTransactions(new SpringTransactionManager(transactions));
    }
}

package io.holdfast.query.ledger;

import io.holdfast.ledger.LedgerKey;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    @Bean
    LedgerKey ledgerKey(LedgerSettings settings, Environment environment, LedgerStore store) {
        return LedgerSigningKey.load(settings, environment, store);
    }

    @Bean
    LedgerWriter ledgerWriter(
            LedgerStore store,
            AuditTrailHorizon horizon,
            PlatformTransactionManager transactions,
            LedgerKey key,
            LedgerSettings settings) {
        return new LedgerWriter(
                store, horizon, new TransactionTemplate(transactions), key, settings, Clock.systemUTC());
    }
}

package io.holdfast.app.storage;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the embedded default needs of its own: H2's file housekeeping, every second. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:')")
class EmbeddedStoreConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    EmbeddedStoreHousekeeping embeddedStoreHousekeeping(DataSource dataSource) {
        return new EmbeddedStoreHousekeeping(dataSource, Duration.ofSeconds(1), Duration.ofSeconds(5));
    }
}

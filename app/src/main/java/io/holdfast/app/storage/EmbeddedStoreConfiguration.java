package io.holdfast.app.storage;

import io.holdfast.app.request.ReadDurability;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the embedded default needs of its own: connections refused once H2 has lost commits, and
 * answers given again only once the disk holds what they read.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:')")
class EmbeddedStoreConfiguration {

    @Bean
    ReadDurability embeddedStoreReadDurability(DataSource dataSource) {
        return new EmbeddedStoreReadDurability(dataSource);
    }

    @Bean
    static EmbeddedStoreContinuityGuard embeddedStoreContinuityGuard() {
        return new EmbeddedStoreContinuityGuard();
    }
}

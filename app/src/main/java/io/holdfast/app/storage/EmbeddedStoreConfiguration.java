package io.holdfast.app.storage;

import io.holdfast.app.request.StoreDurability;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the embedded default needs of its own: connections refused once H2 has lost commits, and
 * answers, first or given again, only once the disk holds what they tell of.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:')")
class EmbeddedStoreConfiguration {

    @Bean
    StoreDurability embeddedStoreDurability(DataSource dataSource) {
        return new EmbeddedStoreDurability(dataSource);
    }

    /** Axon's auto-configuration puts each command handler interceptor bean on the command bus. */
    @Bean
    CommitOnDiskBeforeAnswer commitOnDiskBeforeAnswer(StoreDurability durability) {
        return new CommitOnDiskBeforeAnswer(durability);
    }

    @Bean
    static EmbeddedStoreContinuityGuard embeddedStoreContinuityGuard() {
        return new EmbeddedStoreContinuityGuard();
    }
}

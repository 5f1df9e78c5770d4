package io.holdfast.app.storage;

import io.holdfast.query.performance.ClaimsWatchingTokenStore;
import io.holdfast.query.performance.SegmentClaimsListener;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where projections keep their positions, and under which name this node claims segments. Nodes
 * share the token table and split each projection's segments by claims; a node's name defaults to
 * its process ({@code pid@host}) and can be set with {@code holdfast.node-id}. What a node keeps in
 * memory of a projection's work is told when its claims change ({@link ClaimsWatchingTokenStore}).
 * <p>
 * Axon's JDBC token store, in the projection's own transaction: each projection stores its position
 * after every batch, and Axon's JPA token store had Hibernate translate that update afresh each time.
 * The JDBC store costs 0.67–0.79 of its CPU per position stored, transaction included
 * ({@code TokenStoreBenchmark}). Same table, same rows.
 */
@Configuration(proxyBeanMethods = false)
public class TokenStoreConfiguration {

    static TokenSchema holdfastTokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    TokenStore tokenStore(
            Serializer serializer,
            DataSource dataSource,
            @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout,
            NodeSettings node,
            List<SegmentClaimsListener> claimsListeners) {
        JdbcTokenStore.Builder builder = JdbcTokenStore.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .serializer(serializer)
                .schema(holdfastTokenSchema())
                .claimTimeout(claimTimeout);
        if (node.namesItself()) {
            builder.nodeId(node.nodeId());
        }
        return new ClaimsWatchingTokenStore(builder.build(), claimsListeners);
    }
}

package io.holdfast.app.storage;

import io.holdfast.query.readmodel.ClaimsWatchingTokenStore;
import io.holdfast.query.readmodel.SegmentClaimsListener;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;

/**
 * Where projections keep their positions, and under which name this node claims segments. Nodes
 * share the token table and split each projection's segments by claims; a node's name defaults to
 * its process ({@code pid@host}) and can be set with {@code holdfast.node-id}. What a node keeps in
 * memory of a projection's work is told when its claims change ({@link ClaimsWatchingTokenStore}).
 */
@Configuration(proxyBeanMethods = false)
public class TokenStoreConfiguration {

    @Bean
    TokenStore tokenStore(Serializer serializer, EntityManagerProvider entityManagerProvider,
                          @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout,
                          @Value("${holdfast.node-id:}") String nodeId,
                          List<SegmentClaimsListener> claimsListeners) {
        JpaTokenStore.Builder builder = JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .claimTimeout(claimTimeout);
        if (!nodeId.isBlank()) {
            builder.nodeId(nodeId);
        }
        return new ClaimsWatchingTokenStore(builder.build(), claimsListeners);
    }
}

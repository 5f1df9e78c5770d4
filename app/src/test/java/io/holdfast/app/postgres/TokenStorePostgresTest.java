package io.holdfast.app.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.app.storage.TokenStoreContract;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Projection positions on PostgreSQL, the production store: the contract, and the claims by which
 * nodes sharing the database split a projection's segments.
 */
class TokenStorePostgresTest extends TokenStoreContract {

    @Override
    protected ConfigurableApplicationContext holdfast() {
        return PostgresSupport.start(PostgresSupport.newDatabase(), "--holdfast.node-id=this-node");
    }

    @Test
    void aSegmentAnotherNodeHoldsIsRefusedUntilThatNodeLetsItGo() {
        String database = PostgresSupport.newDatabase();
        String projection = "contested";
        try (ConfigurableApplicationContext nodeA = PostgresSupport.start(database, "--holdfast.node-id=node-A");
                ConfigurableApplicationContext nodeB = PostgresSupport.start(database, "--holdfast.node-id=node-B")) {
            TokenStore tokensOfA = nodeA.getBean(TokenStore.class);
            TokenStore tokensOfB = nodeB.getBean(TokenStore.class);
            TransactionTemplate onA = new TransactionTemplate(nodeA.getBean(PlatformTransactionManager.class));
            TransactionTemplate onB = new TransactionTemplate(nodeB.getBean(PlatformTransactionManager.class));
            onA.executeWithoutResult(status -> {
                tokensOfA.initializeTokenSegments(projection, 1, new GlobalSequenceTrackingToken(5));
                tokensOfA.fetchToken(projection, 0);
            });

            assertThatThrownBy(() -> onB.execute(status -> tokensOfB.fetchToken(projection, 0)))
                    .isInstanceOf(UnableToClaimTokenException.class);

            onA.executeWithoutResult(status -> tokensOfA.releaseClaim(projection, 0));
            TrackingToken takenOver = onB.execute(status -> tokensOfB.fetchToken(projection, 0));
            assertThat(takenOver).isEqualTo(new GlobalSequenceTrackingToken(5));
        }
    }
}

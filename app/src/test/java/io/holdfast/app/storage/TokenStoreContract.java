package io.holdfast.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The store projections keep their positions in, as Holdfast builds it on each database: a position
 * moves only with the projection's own transaction, and positions kept by earlier releases (Axon's
 * JPA token store, on the same table) are read as they are.
 */
public abstract class TokenStoreContract {

    private static final String NODE = "this-node";

    /** Holdfast started on a database of its own, with {@code --holdfast.node-id=this-node}. */
    protected abstract ConfigurableApplicationContext holdfast();

    @Test
    void aPositionMovesOnlyWhenTheProjectionsTransactionCommits() {
        try (ConfigurableApplicationContext holdfast = holdfast()) {
            TokenStore tokens = holdfast.getBean(TokenStore.class);
            TransactionTemplate transaction =
                    new TransactionTemplate(holdfast.getBean(PlatformTransactionManager.class));
            String projection = "positions-under-test";
            transaction.executeWithoutResult(
                    status -> tokens.initializeTokenSegments(projection, 1, new GlobalSequenceTrackingToken(3)));

            transaction.executeWithoutResult(status -> {
                tokens.storeToken(new GlobalSequenceTrackingToken(9), projection, 0);
                status.setRollbackOnly();
            });
            assertThat(positionOf(tokens, transaction, projection)).isEqualTo(new GlobalSequenceTrackingToken(3));

            transaction.executeWithoutResult(
                    status -> tokens.storeToken(new GlobalSequenceTrackingToken(9), projection, 0));
            assertThat(positionOf(tokens, transaction, projection)).isEqualTo(new GlobalSequenceTrackingToken(9));
        }
    }

    @Test
    void aPositionKeptByAnEarlierReleaseIsReadAsItIs() {
        try (ConfigurableApplicationContext holdfast = holdfast()) {
            TransactionTemplate transaction =
                    new TransactionTemplate(holdfast.getBean(PlatformTransactionManager.class));
            TokenStore earlierRelease = jpaTokenStoreOfEarlierReleases(holdfast, NODE);
            String projection = "kept-by-an-earlier-release";
            transaction.executeWithoutResult(status -> {
                earlierRelease.initializeTokenSegments(projection, 2);
                earlierRelease.fetchToken(projection, 1);
                earlierRelease.storeToken(new GlobalSequenceTrackingToken(41), projection, 1);
            });

            TokenStore tokens = holdfast.getBean(TokenStore.class);
            int[] segments = transaction.execute(status -> tokens.fetchSegments(projection));
            TrackingToken kept = transaction.execute(status -> tokens.fetchToken(projection, 1));
            TrackingToken neverStored = transaction.execute(status -> tokens.fetchToken(projection, 0));
            Object storage = transaction.execute(status -> tokens.retrieveStorageIdentifier());
            assertThat(segments).containsExactly(0, 1);
            assertThat(kept).isEqualTo(new GlobalSequenceTrackingToken(41));
            assertThat(neverStored).isNull();
            assertThat(storage).isEqualTo(transaction.execute(status -> earlierRelease.retrieveStorageIdentifier()));
        }
    }

    /** Axon's JPA token store, which kept projection positions in the same table in earlier releases. */
    public static TokenStore jpaTokenStoreOfEarlierReleases(ConfigurableApplicationContext holdfast, String node) {
        return JpaTokenStore.builder()
                .entityManagerProvider(holdfast.getBean(EntityManagerProvider.class))
                .serializer(holdfast.getBean(Serializer.class))
                .claimTimeout(Duration.ofSeconds(10))
                .nodeId(node)
                .build();
    }

    private static TrackingToken positionOf(TokenStore tokens, TransactionTemplate transaction, String projection) {
        return transaction.execute(status -> tokens.fetchToken(projection, 0));
    }
}

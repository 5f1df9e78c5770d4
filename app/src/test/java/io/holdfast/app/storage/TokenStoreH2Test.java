package io.holdfast.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.HoldfastApplication;
import java.nio.file.Path;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Projection positions on H2, the embedded default: the contract, and positions kept in its file across a restart. */
class TokenStoreH2Test extends TokenStoreContract {

    @TempDir
    Path dataDir;

    @Override
    protected ConfigurableApplicationContext holdfast() {
        return new SpringApplicationBuilder(HoldfastApplication.class)
                .run("--holdfast.data-dir=" + dataDir, "--server.port=0", "--holdfast.node-id=this-node");
    }

    @Test
    void aPositionOutlivesARestart() {
        String projection = "kept-across-a-restart";
        try (ConfigurableApplicationContext first = holdfast()) {
            TokenStore tokens = first.getBean(TokenStore.class);
            TransactionTemplate transaction = new TransactionTemplate(first.getBean(PlatformTransactionManager.class));
            transaction.executeWithoutResult(status -> {
                tokens.initializeTokenSegments(projection, 1);
                tokens.storeToken(new GlobalSequenceTrackingToken(7), projection, 0);
                tokens.releaseClaim(projection, 0);
            });
        }
        try (ConfigurableApplicationContext second = holdfast()) {
            TokenStore tokens = second.getBean(TokenStore.class);
            TransactionTemplate transaction = new TransactionTemplate(second.getBean(PlatformTransactionManager.class));
            TrackingToken position = transaction.execute(status -> tokens.fetchToken(projection, 0));
            assertThat(position).isEqualTo(new GlobalSequenceTrackingToken(7));
        }
    }
}

package io.holdfast.app.postgres;

import io.holdfast.app.storage.TokenStoreContract;
import org.springframework.context.ConfigurableApplicationContext;

/** Projection positions on PostgreSQL, the production store. */
class TokenStorePostgresTest extends TokenStoreContract {

    @Override
    protected ConfigurableApplicationContext holdfast() {
        return PostgresSupport.start(PostgresSupport.newDatabase(), "--holdfast.node-id=this-node");
    }
}

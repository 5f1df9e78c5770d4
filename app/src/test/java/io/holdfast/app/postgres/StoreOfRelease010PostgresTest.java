package io.holdfast.app.postgres;

import io.holdfast.app.http.Api;
import io.holdfast.app.http.TestTokens;
import io.holdfast.app.storedrecord.StoreOfRelease010Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;
import java.util.Locale;

/** {@link StoreOfRelease010Test} on PostgreSQL: the rows of 0.1.0 restored into a database of its own. */
class StoreOfRelease010PostgresTest extends StoreOfRelease010Test {

    private final String database = PostgresSupport.newDatabase();

    @Override
    protected ConfigurableApplicationContext start() {
        return PostgresSupport.start(database);
    }

    @Override
    protected Api.Call as(String user) {
        return api.call().bearer(TestTokens.token(user, List.of(user.toUpperCase(Locale.ROOT)), null));
    }
}

package io.holdfast.query.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Two nodes sharing one token table, as nodes of Holdfast do; node A's store is watched. */
class ClaimsWatchingTokenStoreTest {

    private static final String PROJECTION = "case-views";
    private static final Duration CLAIM_TIMEOUT = Duration.ofMillis(200);

    private final JdbcDataSource database = database();
    private final JdbcTokenStore nodeB = store("node-B");
    private final List<String> told = new ArrayList<>();
    private final TokenStore nodeA = new ClaimsWatchingTokenStore(store("node-A"), List.of(told::add));

    ClaimsWatchingTokenStoreTest() {
        nodeB.createSchema(GenericTokenTableFactory.INSTANCE);
        nodeB.initializeTokenSegments(PROJECTION, 1, new GlobalSequenceTrackingToken(0));
    }

    @Test
    void takingASegmentTellsTheListeners() {
        nodeA.fetchToken(PROJECTION, 0);

        assertThat(told).containsExactly(PROJECTION);
    }

    @Test
    void failingToTakeASegmentAnotherNodeHoldsTellsNothing() {
        nodeB.fetchToken(PROJECTION, 0);

        assertThatThrownBy(() -> nodeA.fetchToken(PROJECTION, 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThat(told).isEmpty();
    }

    @Test
    void keepingASegmentItHoldsTellsNothing() {
        nodeA.fetchToken(PROJECTION, 0);
        told.clear();

        nodeA.extendClaim(PROJECTION, 0);
        nodeA.storeToken(new GlobalSequenceTrackingToken(5), PROJECTION, 0);

        assertThat(told).isEmpty();
    }

    @Test
    void findingItsSegmentTakenByAnotherNodeTellsTheListeners() throws InterruptedException {
        nodeA.fetchToken(PROJECTION, 0);
        Thread.sleep(CLAIM_TIMEOUT.toMillis() * 2);
        nodeB.fetchToken(PROJECTION, 0);
        told.clear();

        assertThatThrownBy(() -> nodeA.extendClaim(PROJECTION, 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThat(told).containsExactly(PROJECTION);
        assertThatThrownBy(() -> nodeA.storeToken(new GlobalSequenceTrackingToken(9), PROJECTION, 0))
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThat(told).containsExactly(PROJECTION, PROJECTION);
    }

    @Test
    void lettingASegmentGoTellsTheListeners() {
        nodeA.fetchToken(PROJECTION, 0);
        told.clear();

        nodeA.releaseClaim(PROJECTION, 0);

        assertThat(told).containsExactly(PROJECTION);
    }

    private JdbcTokenStore store(String node) {
        return JdbcTokenStore.builder()
                .connectionProvider(database::getConnection)
                .serializer(JacksonSerializer.defaultSerializer())
                .nodeId(node)
                .claimTimeout(CLAIM_TIMEOUT)
                .build();
    }

    private static JdbcDataSource database() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:claims-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return database;
    }
}

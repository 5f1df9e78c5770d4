package io.holdfast.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.NothingFound;
import io.holdfast.kernel.Role;
import io.holdfast.kernel.audit.CaseHistory;
import io.holdfast.kernel.audit.FindCaseHistory;
import io.holdfast.query.http.ViewRechecks;
import io.holdfast.query.readmodel.SlowRead;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;

/**
 * A history read waiting for a version ({@code ?minVersion=}) that ends its wait while a recheck
 * is still reading must not interrupt the recheck's thread (an interrupt inside H2's file I/O
 * closes the embedded database for every request).
 */
class HistoryReadYourWritesWaitTest {

    @Test
    void theWaitEndingWhileARecheckReadsDoesNotInterruptIt() throws Exception {
        QueryGateway queries = mock(QueryGateway.class);
        SlowRead recheck = new SlowRead(Duration.ofMillis(400));
        when(queries.query(any(FindCaseHistory.class), any(ResponseType.class)))
                .thenAnswer(question ->
                        CompletableFuture.completedFuture(recheck.answer(new CaseHistory("case-1", List.of()))));
        ViewRechecks rechecks = new ViewRechecks(2);
        AuditController controller = new AuditController(
                queries, rechecks, Duration.ofMillis(150), new com.fasterxml.jackson.databind.ObjectMapper());

        CompletableFuture<?> answer = controller
                .historyOnceAtVersion("case-1", "4", Actor.of("officer-1", Role.OFFICER))
                .toFuture();

        assertThat(recheck.awaitStarted()).as("a recheck began reading").isTrue();
        assertThat(recheck.wasInterrupted())
                .as("the recheck's thread was interrupted while reading")
                .isFalse();
        // nothing was read within the wait: the case is not known to the view yet
        assertThat(answer)
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(NothingFound.class);
        rechecks.destroy();
    }
}

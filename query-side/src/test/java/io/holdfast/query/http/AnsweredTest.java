package io.holdfast.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.kernel.NothingFound;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;

class AnsweredTest {

    @Test
    void anAnswerIsTakenAsItIs() {
        assertThat(Answered.now(CompletableFuture.completedFuture("case CASE-1")))
                .isEqualTo("case CASE-1");
    }

    @Test
    void aRefusalOfTheQueryReachesTheProblemHandlersUnwrapped() {
        NothingFound refusal = new NothingFound("case CASE-1 was not found");

        assertThatThrownBy(() -> Answered.now(CompletableFuture.failedFuture(refusal)))
                .isSameAs(refusal);
    }

    @Test
    void aFailureThatIsNoRefusalIsReportedWithItsCause() {
        IOException cause = new IOException("connection reset");

        assertThatThrownBy(() -> Answered.now(CompletableFuture.failedFuture(cause)))
                .isInstanceOf(IllegalStateException.class)
                .hasCause(cause);
    }

    @Test
    void aQueryThatNeverAnswersEndsAsAServerTimeoutAndIsCancelled() {
        CompletableFuture<String> never = new CompletableFuture<>();

        assertThatThrownBy(() -> Answered.within(Duration.ofMillis(50), never))
                .isInstanceOf(AsyncRequestTimeoutException.class);
        assertThat(never).isCancelled();
    }
}

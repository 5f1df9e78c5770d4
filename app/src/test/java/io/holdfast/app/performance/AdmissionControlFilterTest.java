package io.holdfast.app.performance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.app.problem.ProblemWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AdmissionControlFilterTest {

    private final ObjectMapper json = new ObjectMapper();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AdmissionControlFilter filter = new AdmissionControlFilter(
            2, 1, 1, 2, Duration.ofMillis(20), Duration.ofSeconds(3), new ProblemWriter(json), meters);
    private final ExecutorService portal = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger worked = new AtomicInteger();

    @AfterEach
    void stop() {
        release.countDown();
        portal.shutdownNow();
    }

    @Test
    void theRoomForCommandsIsTwoPerCoreUnlessSet() {
        assertThat(AdmissionControlConfiguration.roomForCommands(null, 2)).isEqualTo(4);
        assertThat(AdmissionControlConfiguration.roomForCommands(null, 16)).isEqualTo(32);
        assertThat(AdmissionControlConfiguration.roomForCommands(10, 2))
                .as("as set")
                .isEqualTo(10);
    }

    @Test
    void aWriteBeyondTheRoomIsAnswered503WithRetryAfterAndNeverReachesHoldfast() throws Exception {
        Future<MockHttpServletResponse> first = portal.submit(() -> send("POST", "/api/cases/C-1/notes", blocking()));
        Future<MockHttpServletResponse> second = portal.submit(() -> send("POST", "/api/cases/C-2/notes", blocking()));
        awaitWorking(2);

        MockHttpServletResponse third = send("POST", "/api/cases/C-3/notes", counting());

        assertThat(third.getStatus()).isEqualTo(503);
        assertThat(third.getHeader("Retry-After")).isEqualTo("3");
        assertThat(third.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(third.getContentAsString());
        assertThat(problem.path("type").asText()).isEqualTo("/problems/at-capacity");
        assertThat(problem.path("detail").asText()).contains("nothing of this request was done");
        assertThat(worked)
                .as("the refused write never reached the command side")
                .hasValue(2);
        assertThat(meters.counter("holdfast.http.refused", "kind", "write").count())
                .isEqualTo(1.0);

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(second.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(send("POST", "/api/cases/C-4/notes", counting()).getStatus())
                .as("room again once the burst is worked off")
                .isEqualTo(200);
    }

    @Test
    void readsHaveTheirOwnRoomWhileWritesAreFull() throws Exception {
        portal.submit(() -> send("POST", "/api/cases/C-1/notes", blocking()));
        portal.submit(() -> send("POST", "/api/cases/C-2/notes", blocking()));
        awaitWorking(2);

        assertThat(send("GET", "/api/cases/C-1", counting()).getStatus()).isEqualTo(200);
    }

    @Test
    void aListFileArrivingSlowlyNeverTakesTheRoomOfCommands() throws Exception {
        portal.submit(() -> send("POST", "/api/sanctions/lists", blocking()));
        awaitWorking(1);

        assertThat(send("POST", "/api/accounts/addresses", counting()).getStatus())
                .as("the one upload slot is taken")
                .isEqualTo(503);
        assertThat(meters.counter("holdfast.http.refused", "kind", "upload").count())
                .isEqualTo(1.0);
        portal.submit(() -> send("POST", "/api/cases/C-1/notes", blocking()));
        awaitWorking(2);
        assertThat(send("POST", "/api/cases/C-2/notes", counting()).getStatus())
                .as("both command slots are free of the upload")
                .isEqualTo(200);
    }

    @Test
    void liveUpdateStreamsAndNonApiPathsAreNotCounted() throws Exception {
        portal.submit(() -> send("GET", "/api/cases/C-1", blocking()));
        awaitWorking(1);

        assertThat(send("GET", "/api/cases/C-1/updates", counting()).getStatus())
                .isEqualTo(200);
        assertThat(send("GET", "/actuator/health", counting()).getStatus()).isEqualTo(200);
        assertThat(send("GET", "/api/cases/C-2", counting()).getStatus())
                .as("the one read slot is taken")
                .isEqualTo(503);
    }

    @Test
    void streamsAndReadsWaitingForAVersionAreBoundedUntilTheirAnswersEnd() throws Exception {
        MockHttpServletRequest stream = new MockHttpServletRequest("GET", "/api/cases/C-1/updates");
        MockHttpServletRequest waitingRead = new MockHttpServletRequest("HEAD", "/api/cases/C-1");
        waitingRead.setParameter("minVersion", "7");
        assertThat(send(stream, stayingOpen()).getStatus()).isEqualTo(200);
        assertThat(send(waitingRead, stayingOpen()).getStatus()).isEqualTo(200);

        MockHttpServletResponse refused =
                send(new MockHttpServletRequest("GET", "/api/cases/C-2/updates"), stayingOpen());
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("3");
        assertThat(json.readTree(refused.getContentAsString()).path("detail").asText())
                .contains("live update streams and reads waiting for a version");
        assertThat(send("GET", "/api/cases/C-2", counting()).getStatus())
                .as("a plain read holds nothing open")
                .isEqualTo(200);

        waitingRead.getAsyncContext().complete();
        MockHttpServletRequest next = new MockHttpServletRequest("GET", "/api/cases/C-3");
        next.setParameter("minVersion", "1");
        assertThat(send(next, stayingOpen()).getStatus())
                .as("the answered read gave its place back")
                .isEqualTo(200);
        assertThat(meters.counter("holdfast.http.refused", "kind", "open-wait").count())
                .isEqualTo(1);
    }

    @Test
    void aReadWaitingForAVersionAnsweredAtOnceHoldsNothingOpen() throws Exception {
        for (int i = 0; i < 5; i++) {
            MockHttpServletRequest read = new MockHttpServletRequest("GET", "/api/cases/C-1");
            read.setParameter("minVersion", "0");
            assertThat(send(read, counting()).getStatus()).isEqualTo(200);
        }
    }

    private MockHttpServletResponse send(String method, String path, FilterChain chain) throws Exception {
        return send(new MockHttpServletRequest(method, path), chain);
    }

    private MockHttpServletResponse send(MockHttpServletRequest request, FilterChain chain) throws Exception {
        request.setAsyncSupported(true);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    /** The handler answers later, without a thread, as a stream or a read waiting for a version does. */
    private FilterChain stayingOpen() {
        return (request, response) -> {
            worked.incrementAndGet();
            request.startAsync();
        };
    }

    private FilterChain blocking() {
        return (request, response) -> {
            worked.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private FilterChain counting() {
        return (request, response) -> worked.incrementAndGet();
    }

    private void awaitWorking(int requests) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (worked.get() < requests && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(worked).hasValue(requests);
    }
}

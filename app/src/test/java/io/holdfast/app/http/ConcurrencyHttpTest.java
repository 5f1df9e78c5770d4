package io.holdfast.app.http;

import static io.holdfast.app.http.Api.expect;
import static io.holdfast.app.http.Api.flagBody;
import static io.holdfast.app.http.Api.noteBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.http.Api.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Concurrent commands on one case never both apply on the same version. */
class ConcurrencyHttpTest extends HttpApiSupport {

    @Autowired
    EventStore eventStore;

    private List<Response> race(int threads, Callable<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    @RepeatedTest(5)
    void twoWritersOnTheSameVersionNeverBothApply() throws Exception {
        String caseId = newCaseId();
        expect(api.as("officer").post("/api/cases", flagBody(caseId)), 201);

        List<Response> responses = race(
                2,
                () -> api.as("officer")
                        .header("If-Match", "\"0\"")
                        .post("/api/cases/" + caseId + "/notes", noteBody("racing")));

        assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(201, 412);
        assertThat(eventStore.readEvents(caseId, 0).asStream().count()).isEqualTo(2);
    }

    @Test
    void unconditionalWritersAllApplyEachOnItsOwnVersion() throws Exception {
        String caseId = newCaseId();
        expect(api.as("officer").post("/api/cases", flagBody(caseId)), 201);

        List<Response> responses =
                race(6, () -> api.as("officer").post("/api/cases/" + caseId + "/notes", noteBody("n")));

        assertThat(responses).extracting(Response::status).containsOnly(201);
        assertThat(responses)
                .extracting(response -> response.header("ETag"))
                .containsExactlyInAnyOrder("\"1\"", "\"2\"", "\"3\"", "\"4\"", "\"5\"", "\"6\"");
        assertThat(eventStore.readEvents(caseId, 0).asStream().count()).isEqualTo(7);
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyApplyOnce() throws Exception {
        String caseId = newCaseId();
        expect(api.as("officer").post("/api/cases", flagBody(caseId)), 201);

        List<Response> responses = race(
                4,
                () -> api.as("officer")
                        .header("Idempotency-Key", "once-" + caseId)
                        .post("/api/cases/" + caseId + "/notes", noteBody("exactly once")));

        assertThat(eventStore.readEvents(caseId, 0).asStream().count()).isEqualTo(2);
        assertThat(responses).extracting(Response::status).allMatch(status -> status == 201 || status == 409);
        assertThat(responses)
                .filteredOn(response -> response.status() == 201)
                .extracting(Response::body)
                .containsOnly("{\"caseId\":\"" + caseId + "\",\"version\":1}");
    }
}

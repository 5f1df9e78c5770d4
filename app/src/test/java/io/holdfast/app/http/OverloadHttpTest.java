package io.holdfast.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.HoldfastApplication;
import io.holdfast.app.http.Api.Response;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A burst far beyond what Holdfast works on at once (here: room for 2 commands, no waiting): the
 * surplus is answered 503 with Retry-After at once, reads go on, every accepted command is recorded
 * exactly once, nothing refused is recorded, and Holdfast takes commands again when the burst ends.
 * Requests that stay open (here: one at a time) are refused beyond their bound, and their places come
 * back when their answers end.
 */
@SpringBootTest(classes = HoldfastApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OverloadHttpTest {

    private static final int BURST = 40;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void holdfastProperties(DynamicPropertyRegistry registry) throws Exception {
        registry.add("holdfast.data-dir", Files.createTempDirectory("holdfast-overload-test")::toString);
        registry.add("holdfast.http.max-concurrent-writes", () -> "2");
        registry.add("holdfast.http.admission-wait", () -> "0ms");
        registry.add("holdfast.http.retry-after", () -> "2s");
        registry.add("holdfast.http.max-open-waits", () -> "1");
        registry.add("holdfast.reads.min-version-wait", () -> "3s");
        registry.add("holdfast.reads.live-update-heartbeat", () -> "200ms");
    }

    @Test
    void aStreamWhosePortalWentAwayGivesItsPlaceBack() throws Exception {
        Api api = new Api(port);
        String caseId = aFlaggedCaseInView(api);
        String updates = "/api/cases/" + caseId + "/updates";
        try (LiveUpdates stream = LiveUpdates.open(port, "auditor", updates)) {
            assertThat(stream.status()).contains(" 200 ");
            assertThat(stream.next().path("caseId").asText()).isEqualTo(caseId);
        }

        // the portal has gone without a word; a quiet case's stream learns it at its next heartbeat
        assertThat(statusOnceFree(() -> {
                    try (LiveUpdates again = LiveUpdates.open(port, "auditor", updates)) {
                        return again.status();
                    }
                }))
                .contains(" 200 ");
        assertThat(statusOnceFree(
                        () -> api.as("auditor")
                                        .get("/api/cases/" + caseId + "?minVersion=0")
                                        .raw()
                                        .statusCode() + " "))
                .startsWith("200");
    }

    private static String aFlaggedCaseInView(Api api) {
        String caseId = "CASE-" + UUID.randomUUID();
        Api.expect(api.as("officer").post("/api/cases", Api.flagBody(caseId)), 201);
        Api.expect(api.as("auditor").get("/api/cases/" + caseId + "?minVersion=0"), 200);
        return caseId;
    }

    /** The answer to a request that stays open, asked again while its place is still held (503), for up to 10 s. */
    private static String statusOnceFree(Callable<String> request) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String status = request.call();
        while (status != null && status.contains("503") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = request.call();
        }
        return status;
    }

    @Test
    void requestsStayingOpenAreBoundedAndGiveTheirPlaceBackWhenAnswered() throws Exception {
        Api api = new Api(port);
        String caseId = aFlaggedCaseInView(api);
        ExecutorService portal = Executors.newSingleThreadExecutor();
        try {
            Future<Response> waiting =
                    portal.submit(() -> api.as("auditor").get("/api/cases/" + caseId + "?minVersion=50"));
            Thread.sleep(1_000);

            Response refused = api.as("auditor").get("/api/cases/" + caseId + "/history?minVersion=1");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("2");
            assertThat(refused.json().path("detail").asText())
                    .contains("live update streams and reads waiting for a version");
            try (LiveUpdates stream = LiveUpdates.open(port, "auditor", "/api/cases/" + caseId + "/updates")) {
                assertThat(stream.status()).contains(" 503 ");
            }
            Api.expect(api.as("auditor").get("/api/cases/" + caseId), 200);

            Response stale = waiting.get();
            assertThat(stale.status())
                    .as("the wait ended with what the view had")
                    .isEqualTo(200);
            assertThat(stale.header("Warning")).startsWith("110");
            Api.expect(api.as("auditor").get("/api/cases/" + caseId + "/history?minVersion=0"), 200);
        } finally {
            portal.shutdownNow();
        }
    }

    @Test
    void aBurstIsShedWithRetryAfterAndNothingRefusedIsRecorded() throws Exception {
        Api api = new Api(port);
        String caseId = aFlaggedCaseInView(api);

        List<Response> answers = new ArrayList<>();
        for (int burst = 0; burst < 5 && answers.stream().noneMatch(r -> r.status() == 503); burst++) {
            answers.addAll(burst(api, caseId));
        }

        List<Response> refused = answers.stream().filter(r -> r.status() == 503).toList();
        long accepted = answers.stream().filter(r -> r.status() == 201).count();
        assertThat(refused).as("the surplus of the burst is refused").isNotEmpty();
        assertThat(answers)
                .as("every answer is an acceptance or a refusal to come back later")
                .allMatch(r -> r.status() == 201 || r.status() == 503);
        for (Response refusal : refused) {
            assertThat(refusal.header("Retry-After")).isEqualTo("2");
            assertThat(refusal.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refusal.json().path("type").asText()).isEqualTo("/problems/at-capacity");
        }

        Response recovered = api.as("officer").post("/api/cases/" + caseId + "/notes", Api.noteBody("after the burst"));
        assertThat(recovered.status())
                .as("Holdfast takes commands again by itself")
                .isEqualTo(201);
        long version = recovered.json().path("version").asLong();
        assertThat(version)
                .as("the flag, each accepted note once, the note after the burst; no refused note")
                .isEqualTo(accepted + 1);
        Response history = api.as("officer").get("/api/cases/" + caseId + "?minVersion=" + version);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().path("version").asLong()).isEqualTo(version);
    }

    private List<Response> burst(Api api, String caseId) throws Exception {
        ExecutorService portal = Executors.newFixedThreadPool(BURST + 1);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> writes = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                String text = "burst note " + i;
                writes.add(portal.submit(() -> {
                    start.await();
                    return api.as("officer").post("/api/cases/" + caseId + "/notes", Api.noteBody(text));
                }));
            }
            Future<Response> read = portal.submit(() -> {
                start.await();
                return api.as("auditor").get("/api/cases/" + caseId);
            });
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> write : writes) {
                answers.add(write.get());
            }
            assertThat(read.get().status()).as("reads go on during the burst").isEqualTo(200);
            return answers;
        } finally {
            portal.shutdownNow();
        }
    }
}

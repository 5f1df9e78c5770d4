package io.holdfast.app.http;

import static io.holdfast.app.http.Api.expect;
import static io.holdfast.app.http.Api.flagBody;
import static io.holdfast.app.http.Api.noteBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.app.HoldfastApplication;
import io.holdfast.app.http.Api.Response;
import java.nio.file.Path;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** An Idempotency-Key is remembered on disk: a retry after a restart still gets the first answer. */
class IdempotencyAcrossRestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(HoldfastApplication.class)
                .run("--holdfast.data-dir=" + dataDir, "--server.port=0");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void aRetryAfterARestartGetsTheFirstAnswerAndAppendsNothing() {
        String caseId = "CASE-RESTART-1";
        Response first;
        try (ConfigurableApplicationContext context = start()) {
            Api api = api(context);
            first = api.as("officer").header("Idempotency-Key", "flag-1").post("/api/cases", flagBody(caseId));
            expect(first, 201);
            expect(
                    api.as("officer")
                            .header("Idempotency-Key", "note-1")
                            .post("/api/cases/" + caseId + "/notes", noteBody("n")),
                    201);
        }
        try (ConfigurableApplicationContext context = start()) {
            Api api = api(context);
            Response retry =
                    api.as("officer").header("Idempotency-Key", "flag-1").post("/api/cases", flagBody(caseId));
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.header("ETag")).isEqualTo("\"0\"");
            assertThat(retry.header("Location")).isEqualTo("/api/cases/" + caseId);
            assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");

            Response reused = api.as("officer")
                    .header("Idempotency-Key", "note-1")
                    .post("/api/cases/" + caseId + "/notes", noteBody("another note"));
            assertThat(reused.status()).isEqualTo(422);

            // keys belong to their caller: another user's identical key is a new request
            Response otherCaller = api.as("officer2")
                    .header("Idempotency-Key", "note-1")
                    .post("/api/cases/" + caseId + "/notes", noteBody("n"));
            assertThat(otherCaller.status()).isEqualTo(201);
            assertThat(otherCaller.header("ETag")).isEqualTo("\"2\"");

            assertThat(context.getBean(EventStore.class)
                            .readEvents(caseId, 0)
                            .asStream()
                            .count())
                    .isEqualTo(3);
        }
    }
}

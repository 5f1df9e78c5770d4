package io.holdfast.app.faststart;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The training start of {@code bin/start-holdfast}: once Holdfast is ready on its throw-away embedded
 * store, it drives case lifecycles and reads through its own HTTP API as the demo users, so the JVM's
 * ahead-of-time cache records the classes and the method profiles a command and a read use, and
 * then it exits. Off unless {@code holdfast.training.lifecycles} is set, and refused anywhere but
 * the embedded default with its demo users: it writes cases.
 */
@Component
@ConditionalOnProperty("holdfast.training.lifecycles")
class TrainingRun implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);
    private static final String SHA = "a".repeat(64);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        Environment settings = ready.getApplicationContext().getEnvironment();
        int lifecycles = settings.getRequiredProperty("holdfast.training.lifecycles", Integer.class);
        boolean throwAway = settings.getProperty("holdfast.security.demo-users.enabled", Boolean.class, false)
                && settings.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
        int port = ((WebServerApplicationContext) ready.getApplicationContext())
                .getWebServer()
                .getPort();
        Thread training = new Thread(
                () -> {
                    int exit = 0;
                    if (!throwAway) {
                        log.error("the training start runs only on the embedded default with its demo users");
                        exit = 2;
                    } else {
                        try {
                            exercise(port, lifecycles);
                        } catch (IOException | InterruptedException | IllegalStateException failed) {
                            log.error("the training start's lifecycles failed", failed);
                            exit = 1;
                        }
                    }
                    int code = exit;
                    System.exit(SpringApplication.exit(ready.getApplicationContext(), () -> code));
                },
                "training");
        training.start();
    }

    private static void exercise(int port, int lifecycles) throws IOException, InterruptedException {
        Client officer = new Client(port, "officer");
        Client supervisor = new Client(port, "supervisor");
        for (int n = 0; n < lifecycles; n++) {
            String caseId = "TRAINING-" + n;
            String at = "/api/cases/" + caseId;
            officer.send("POST", "/api/cases", """
                    {"caseId":"%s","accountId":"ACC-%s","subject":{"holderName":"Training Holder","walletAddresses":[]},
                     "reason":{"type":"SANCTIONS_MATCH","list":"OFAC-SDN","listEntryId":"SDN-1","details":"training"},
                     "evidence":[{"description":"screening hit report","sha256":"%s"}]}""".formatted(caseId, caseId, SHA));
            officer.send("POST", at + "/warrants", """
                    {"warrantId":"W-1","orderType":"SEIZURE_WARRANT","issuingAuthority":"Training Court","requestingAgency":"FBI",
                     "jurisdiction":"US-DC","referenceNumber":"T-1","issuedAt":"2026-01-01T00:00:00Z","expiresAt":"2031-01-01T00:00:00Z",
                     "scope":[{"asset":"BTC"}],"documentSha256":"%s"}""".formatted(SHA));
            officer.send("POST", at + "/freeze-requests", """
                    {"requestId":"R-1","warrantId":"W-1","holdings":[{"asset":"BTC","amount":"5"}]}""");
            supervisor.send("POST", at + "/freeze-requests/R-1/approval", "{}");
            officer.send("POST", at + "/notes", "{\"text\":\"training\"}");
            supervisor.send("POST", at + "/releases", """
                    {"holdings":[{"asset":"BTC","amount":"2"}],"reason":"ORDER_LIFTED","authorityReference":"A"}""");
            supervisor.send("POST", at + "/releases", "{\"reason\":\"ORDER_LIFTED\",\"authorityReference\":\"B\"}");
            for (String read : List.of(at + "?minVersion=6", at, at + "/history", "/api/cases?size=20")) {
                officer.send("GET", read, null);
            }
        }
    }

    /** A demo user of the throw-away store, signing in with HTTP Basic. */
    private record Client(int port, String user, HttpClient http) {

        Client(int port, String user) {
            this(port, user, HttpClient.newHttpClient());
        }

        void send(String method, String path, String body) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json");
            request.method(
                    method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 300) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
            }
        }
    }
}

package io.holdfast.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.holdfast.app.HoldfastApplication;
import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FlagReason;
import io.holdfast.kernel.Role;
import io.holdfast.kernel.Subject;
import io.holdfast.kernel.freezecase.CaseVersion;
import io.holdfast.kernel.freezecase.FlagAccount;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Holdfast as {@code java -jar} starts it, when the embedded store loses commits it had shown (H2 on
 * a full disk): it starts again by itself, on what the file holds, and what it held in memory of the
 * lost commits is gone with it; the next event, which takes the lost one's global index, is projected
 * and audited.
 */
class EmbeddedStoreLossStartAgainTest {

    private static final Actor OFFICER = Actor.of("officer", Role.OFFICER);

    @TempDir
    Path dataDir;

    private final List<ConfigurableApplicationContext> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void afterTheStoreLostCommitsHoldfastStartsAgainOnWhatItsFileHolds() throws Exception {
        int port = freePort();
        SpringApplication application = HoldfastApplication.application();
        application.addListeners(
                (ApplicationListener<ApplicationReadyEvent>) ready -> started.add(ready.getApplicationContext()));
        FillableDisk.install();
        ConfigurableApplicationContext first = application.run(
                "--holdfast.data-dir=" + dataDir,
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:fillable:"
                        + dataDir.toAbsolutePath().resolve("holdfast") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");

        flag(first, "CASE-KEPT");
        JdbcTemplate firstJdbc = first.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> audited(firstJdbc, "CASE-KEPT"));

        FillableDisk.fill();
        assertThatThrownBy(() -> flag(first, "CASE-LOST"))
                // its own commit failing, or the store already closed by a projection's failed write
                .as("the command sent while the disk is full is not acknowledged")
                .isInstanceOf(RuntimeException.class);
        Thread.sleep(3_000);
        FillableDisk.makeRoom();

        await().atMost(Duration.ofSeconds(90)).until(() -> started.size() == 2);
        ConfigurableApplicationContext second = started.get(1);
        assertThat(first.isActive())
                .as("the Holdfast that held the lost commits")
                .isFalse();
        assertThat(HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .as("the same port answers again")
                .isEqualTo(200);

        JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
        assertThat(caseEvents(jdbc, "CASE-KEPT")).isEqualTo(1);
        assertThat(caseEvents(jdbc, "CASE-LOST")).as("the lost commit's event").isZero();
        assertThat(audited(jdbc, "CASE-LOST") || viewed(jdbc, "CASE-LOST"))
                .as("what the projections wrote of it went with it")
                .isFalse();

        assertThat(flag(second, "CASE-LOST"))
                .as("the case does not exist, so it is flagged anew")
                .isEqualTo(0L);
        await().atMost(Duration.ofSeconds(30)).until(() -> audited(jdbc, "CASE-LOST") && viewed(jdbc, "CASE-LOST"));
        assertThat(jdbc.queryForObject("select global_index from audit_entry where case_id = 'CASE-LOST'", Long.class))
                .as("the audit entry is of the event at the lost one's index, as the store holds it")
                .isEqualTo(jdbc.queryForObject(
                        "select global_index from domain_event_entry where aggregate_identifier = 'CASE-LOST'",
                        Long.class));
    }

    private static long flag(ConfigurableApplicationContext holdfast, String caseId) {
        CaseVersion version = holdfast.getBean(CommandGateway.class)
                .sendAndWait(new FlagAccount(
                        CaseId.of(caseId),
                        AccountId.of("ACC-" + caseId),
                        new Subject("Kim Sang Man", List.of()),
                        FlagReason.internalInvestigation(null),
                        List.of(),
                        OFFICER));
        return version.version();
    }

    private static boolean audited(JdbcTemplate jdbc, String caseId) {
        return jdbc.queryForObject("select count(*) from audit_entry where case_id = ?", Integer.class, caseId) > 0;
    }

    private static boolean viewed(JdbcTemplate jdbc, String caseId) {
        return jdbc.queryForObject("select count(*) from case_view where case_id = ?", Integer.class, caseId) > 0;
    }

    private static int caseEvents(JdbcTemplate jdbc, String caseId) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Integer.class, caseId);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

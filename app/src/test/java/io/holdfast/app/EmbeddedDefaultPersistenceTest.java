package io.holdfast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.command.freezecase.FreezeCase;
import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.AssetAmount;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FlagReason;
import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.OrderType;
import io.holdfast.kernel.ReleaseReason;
import io.holdfast.kernel.Role;
import io.holdfast.kernel.ScopeItem;
import io.holdfast.kernel.Sha256;
import io.holdfast.kernel.Subject;
import io.holdfast.kernel.Warrant;
import io.holdfast.kernel.WarrantId;
import io.holdfast.kernel.freezecase.ApproveFreeze;
import io.holdfast.kernel.freezecase.CaseVersion;
import io.holdfast.kernel.freezecase.FlagAccount;
import io.holdfast.kernel.freezecase.RecordWarrant;
import io.holdfast.kernel.freezecase.ReleaseAssets;
import io.holdfast.kernel.freezecase.RequestFreeze;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default keeps cases on disk: a lifecycle sent through the command gateway is still
 * there, events and case state, after the application restarts on the same data directory.
 */
class EmbeddedDefaultPersistenceTest {

    private static final CaseId CASE = CaseId.of("CASE-PERSIST-1");
    private static final Actor OFFICER = Actor.of("officer", Role.OFFICER);
    private static final Actor SUPERVISOR = Actor.of("supervisor", Role.SUPERVISOR);

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(HoldfastApplication.class)
                .run("--holdfast.data-dir=" + dataDir, "--server.port=0", "--holdfast.snapshot.threshold=3");
    }

    @Test
    void casesSurviveARestart() throws Exception {
        Instant now = Instant.now();
        Warrant warrant = new Warrant(
                WarrantId.of("W-1"),
                OrderType.SEIZURE_WARRANT,
                "U.S. District Court",
                AgencyCode.of("FBI"),
                "US-DC",
                "23-SW-0412",
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(90)),
                List.of(ScopeItem.upTo("USDT", "3100000"), ScopeItem.unlimited("BTC")),
                Sha256.of("a".repeat(64)));
        Holdings requested = Holdings.of(AssetAmount.of("USDT", "3050000.00"), AssetAmount.of("BTC", "49.5"));

        try (ConfigurableApplicationContext first = start()) {
            CommandGateway commands = first.getBean(CommandGateway.class);
            assertThat((Object) commands.sendAndWait(new FlagAccount(
                            CASE,
                            AccountId.of("ACC-88123"),
                            new Subject("Kim Sang Man", List.of("bc1qexample")),
                            FlagReason.sanctionsMatch("OFAC-SDN", "SDN-12345", null),
                            List.of(),
                            OFFICER)))
                    .isEqualTo(new CaseVersion(CASE, 0));
            commands.sendAndWait(new RecordWarrant(CASE, warrant, OFFICER));
            commands.sendAndWait(
                    new RequestFreeze(CASE, FreezeRequestId.of("R-1"), warrant.warrantId(), requested, OFFICER));
            commands.sendAndWait(new ApproveFreeze(CASE, FreezeRequestId.of("R-1"), "four eyes", SUPERVISOR));
            assertThat((Object) commands.sendAndWait(new ReleaseAssets(
                            CASE,
                            Holdings.of(AssetAmount.of("BTC", "10")),
                            ReleaseReason.ORDER_LIFTED,
                            "23-SW-0412-A",
                            SUPERVISOR)))
                    .isEqualTo(new CaseVersion(CASE, 4));
            // the snapshot (every 3 events here) is taken off the command thread
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.queryForObject("select count(*) from snapshot_event_entry", Integer.class) > 0);
        }
        assertThat(Files.exists(dataDir.resolve("holdfast.mv.db"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            // the case loads from its snapshot, stored in the current form, which reads back as it was written
            Object caseAsStored = second.getBean(EventStorageEngine.class)
                    .readSnapshot(CASE.value())
                    .orElseThrow()
                    .getPayload();
            Map<String, Object> row = second.getBean(JdbcTemplate.class)
                    .queryForMap(
                            "select payload_revision, payload from snapshot_event_entry where aggregate_identifier = ?",
                            CASE.value());
            assertThat(row.get("payload_revision")).isEqualTo(FreezeCase.SNAPSHOT_REVISION);
            ObjectMapper json = new ObjectMapper();
            String written = second.getBean(Serializer.class)
                    .serialize(caseAsStored, String.class)
                    .getData();
            assertThat(json.readTree(written)).isEqualTo(json.readTree((byte[]) row.get("payload")));
            assertThat(written).contains("\"W-1\"", "\"R-1\"", "3050000");
            List<String> types = second.getBean(EventStore.class)
                    .readEvents(CASE.value(), 0)
                    .asStream()
                    .map(DomainEventMessage::getPayloadType)
                    .map(Class::getSimpleName)
                    .toList();
            assertThat(types)
                    .containsExactly(
                            "AccountFlagged", "WarrantReceived", "FreezeRequested", "AssetsFrozen", "AssetsReleased");

            CommandGateway commands = second.getBean(CommandGateway.class);
            // the case still knows what is frozen: 39.5 BTC and the USDT
            assertThatThrownBy(() -> commands.sendAndWait(new ReleaseAssets(
                            CASE,
                            Holdings.of(AssetAmount.of("BTC", "40")),
                            ReleaseReason.ORDER_LIFTED,
                            "B",
                            SUPERVISOR)))
                    .isInstanceOf(CommandExecutionException.class)
                    .hasMessage(
                            "cannot release frozen assets: 40 BTC requested but only 39.5 BTC is frozen on case CASE-PERSIST-1");
            // and the four-eyes memory of who requested R-1
            assertThatThrownBy(() -> commands.sendAndWait(new ApproveFreeze(
                            CASE, FreezeRequestId.of("R-1"), null, Actor.of("supervisor2", Role.SUPERVISOR))))
                    .isInstanceOf(CommandExecutionException.class)
                    .hasMessage("freeze request R-1 was already approved and cannot be decided again");
            assertThat((Object) commands.sendAndWait(
                            new ReleaseAssets(CASE, null, ReleaseReason.ORDER_LIFTED, "C", SUPERVISOR)))
                    .isEqualTo(new CaseVersion(CASE, 5));
            assertThatThrownBy(() -> commands.sendAndWait(new FlagAccount(
                            CASE,
                            AccountId.of("ACC-1"),
                            new Subject("someone else", List.of()),
                            FlagReason.internalInvestigation(null),
                            List.of(),
                            OFFICER)))
                    .isInstanceOf(CommandExecutionException.class)
                    .hasMessageStartingWith("case CASE-PERSIST-1 already exists");

            // the global index is handed out one at a time, also across a restart
            List<Long> globalIndexes = second.getBean(JdbcTemplate.class)
                    .queryForList("select global_index from domain_event_entry order by global_index", Long.class);
            assertThat(globalIndexes).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        }
    }
}

package io.holdfast.kernel.freezecase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.AssetAmount;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Evidence;
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
import io.holdfast.kernel.sanctions.ConfirmHeldSanctionsList;
import io.holdfast.kernel.sanctions.ImportSanctionsList;
import io.holdfast.kernel.sanctions.ListPublication;
import io.holdfast.kernel.sanctions.ListedAddress;
import io.holdfast.kernel.sanctions.SanctionsEntriesDelisted;
import io.holdfast.kernel.sanctions.SanctionsEntriesHeld;
import io.holdfast.kernel.sanctions.SanctionsEntriesListed;
import io.holdfast.kernel.sanctions.SanctionsEntry;
import io.holdfast.kernel.sanctions.SanctionsListHoldEnded;
import io.holdfast.kernel.sanctions.SanctionsListId;
import io.holdfast.kernel.sanctions.SanctionsListVersion;
import io.holdfast.kernel.sanctions.SanctionsListVersionHeld;
import io.holdfast.kernel.sanctions.SanctionsListVersionImported;
import io.holdfast.kernel.sanctions.SanctionsMatch;
import io.holdfast.kernel.sanctions.WalletAddress;
import io.holdfast.kernel.sanctions.WithdrawHeldSanctionsList;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Events are read for years: every message must survive a JSON round trip unchanged. */
class MessagesSerializationTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final CaseId CASE = CaseId.of("CASE-1");
    private static final Actor OFFICER = Actor.of("officer", Role.OFFICER);
    private static final Actor SUPERVISOR = Actor.of("supervisor", Role.SUPERVISOR);
    private static final Actor LIAISON = Actor.liaison("liaison-fbi", AgencyCode.of("FBI"));
    private static final Holdings HOLDINGS =
            Holdings.of(AssetAmount.of("USDT", "3050000.00"), AssetAmount.of("BTC", "49.5"));
    private static final Warrant WARRANT = new Warrant(
            WarrantId.of("W-1"),
            OrderType.SEIZURE_WARRANT,
            "court",
            AgencyCode.of("FBI"),
            "US-DC",
            "23-SW-0412",
            Instant.parse("2023-05-24T15:00:00Z"),
            Instant.parse("2023-08-24T15:00:00Z"),
            List.of(ScopeItem.upTo("USDT", "3100000"), ScopeItem.unlimited("BTC")),
            Sha256.of("d".repeat(64)));

    static Stream<Object> messages() {
        FreezeRequestId request = FreezeRequestId.of("R-1");
        return Stream.of(
                new AccountFlagged(
                        CASE,
                        AccountId.of("ACC-1"),
                        new Subject("Kim", List.of("bc1q")),
                        FlagReason.sanctionsMatch("OFAC-SDN", "SDN-1", "match"),
                        List.of(new Evidence("report", Sha256.of("e".repeat(64)))),
                        OFFICER),
                new AccountFlagged(
                        CASE,
                        AccountId.of("ACC-1"),
                        new Subject("Kim", List.of()),
                        FlagReason.lawEnforcementRequest(AgencyCode.of("FBI"), null),
                        List.of(),
                        LIAISON),
                new WarrantReceived(CASE, WARRANT, OFFICER),
                new FreezeRequested(CASE, request, WARRANT.warrantId(), HOLDINGS, OFFICER),
                new AssetsFrozen(CASE, request, WARRANT.warrantId(), HOLDINGS, OFFICER, SUPERVISOR, null, HOLDINGS),
                new FreezeRequestRejected(CASE, request, WARRANT.warrantId(), HOLDINGS, OFFICER, SUPERVISOR, "no"),
                new AssetsReleased(CASE, HOLDINGS, ReleaseReason.ORDER_LIFTED, "A", SUPERVISOR, Holdings.empty()),
                new AssetsTurnedOver(CASE, HOLDINGS, "USMS", "F-7", SUPERVISOR, Holdings.empty()),
                new CaseDismissed(CASE, "false positive", OFFICER),
                new NoteAdded(CASE, "note", OFFICER),
                new FlagAccount(
                        CASE,
                        AccountId.of("ACC-1"),
                        new Subject("Kim", List.of()),
                        FlagReason.internalInvestigation(null),
                        List.of(),
                        OFFICER),
                new RecordWarrant(CASE, WARRANT, OFFICER, 3L),
                new ReleaseAssets(CASE, null, ReleaseReason.FALSE_POSITIVE, "A", SUPERVISOR),
                new CaseVersion(CASE, 7),
                new FlagAccount(
                        CASE,
                        AccountId.of("ACC-1"),
                        new Subject("Kim", List.of("0xabc")),
                        FlagReason.sanctionsMatch("OFAC-SDN", "36216", "match"),
                        List.of(),
                        Actor.system("screening"),
                        MATCH),
                new SanctionsMatchRecorded(CASE, MATCH, Actor.system("screening")));
    }

    /** The sanctions list's messages, which concern a list rather than a case. */
    static Stream<Object> listMessages() {
        return Stream.of(
                new ImportSanctionsList(SanctionsListId.OFAC_SDN, PUBLICATION, List.of(ENTRY), OFFICER),
                new SanctionsEntriesListed("OFAC-SDN", 2, List.of(ENTRY)),
                new SanctionsEntriesDelisted("OFAC-SDN", 2, List.of("36218")),
                new SanctionsListVersionImported(
                        "OFAC-SDN",
                        2,
                        PUBLICATION,
                        1,
                        2,
                        List.of("36216"),
                        List.of(),
                        List.of("36218"),
                        List.of(new ListedAddress("36216", ENTRY.addresses().get(0))),
                        List.of(),
                        List.of("36216"),
                        List.of(new ListedAddress("36216", ENTRY.addresses().get(0))),
                        OFFICER,
                        Instant.parse("2026-11-20T10:00:00Z")),
                new SanctionsEntriesHeld("OFAC-SDN", PUBLICATION.digest().hex(), List.of(ENTRY)),
                new SanctionsListVersionHeld(
                        "OFAC-SDN",
                        1,
                        PUBLICATION,
                        1,
                        2,
                        List.of("36218"),
                        List.of(new ListedAddress("36218", ENTRY.addresses().get(0))),
                        List.of(),
                        0.05,
                        OFFICER,
                        Instant.parse("2026-11-20T10:00:00Z")),
                new SanctionsListHoldEnded(
                        "OFAC-SDN",
                        PUBLICATION.digest().hex(),
                        SanctionsListHoldEnded.Outcome.CONFIRMED,
                        Actor.of("supervisor", io.holdfast.kernel.Role.SUPERVISOR),
                        Instant.parse("2026-11-20T11:00:00Z")),
                new ConfirmHeldSanctionsList(SanctionsListId.OFAC_SDN, PUBLICATION.digest(), OFFICER),
                new WithdrawHeldSanctionsList(SanctionsListId.OFAC_SDN, PUBLICATION.digest(), OFFICER),
                new SanctionsListVersion("OFAC-SDN", 2, true),
                new SanctionsListVersion("OFAC-SDN", 1, false, true));
    }

    private static final WalletAddress ETH = new WalletAddress("ETH", "0x52908400098527886E0F7030069857D2E4169EE7");
    private static final SanctionsMatch MATCH = new SanctionsMatch(
            "OFAC-SDN",
            2,
            "36216",
            List.of("DPRK3", "CYBER2"),
            new WalletAddress("ETH", "0x52908400098527886e0f7030069857d2e4169ee7"),
            ETH,
            "list-OFAC-SDN-v2");
    private static final SanctionsEntry ENTRY = new SanctionsEntry(
            "36216",
            "LAZARUS GROUP",
            "Entity",
            List.of("DPRK3"),
            List.of("HIDDEN COBRA"),
            List.of(ETH, new WalletAddress("XBT", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")));
    private static final ListPublication PUBLICATION =
            new ListPublication(java.time.LocalDate.of(2026, 11, 20), Sha256.of("f".repeat(64)), "SDN_XML", "sdn.xml");

    @ParameterizedTest
    @MethodSource({"messages", "listMessages"})
    void survivesAJsonRoundTrip(Object message) throws Exception {
        String json = JSON.writeValueAsString(message);
        assertThat(JSON.readValue(json, message.getClass())).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("messages")
    void writesAmountsAsDecimalStringsAndIdsAsPlainStrings(Object message) throws Exception {
        String json = JSON.writeValueAsString(message);
        assertThat(json).contains("\"caseId\":\"CASE-1\"");
        if (json.contains("\"amount\"")) {
            assertThat(json).contains("\"amount\":\"49.5\"");
        }
        assertThat(json).doesNotContain("\"value\"");
    }
}

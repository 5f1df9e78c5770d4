package io.holdfast.command.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.Role;
import io.holdfast.kernel.Sha256;
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
import io.holdfast.kernel.sanctions.SanctionsListRejected;
import io.holdfast.kernel.sanctions.SanctionsListVersion;
import io.holdfast.kernel.sanctions.SanctionsListVersionHeld;
import io.holdfast.kernel.sanctions.SanctionsListVersionImported;
import io.holdfast.kernel.sanctions.WalletAddress;
import io.holdfast.kernel.sanctions.WithdrawHeldSanctionsList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * largeRemovalNeedsASecondPerson: a file that would remove more than 5 % of the current version's
 * entries or addresses is held, the list keeps its version, and only a second person with the
 * supervisor or admin role applies it. And the entries a file gives only in part keep their addresses.
 */
class LargeRemovalTest {

    private static final SanctionsListId SDN = SanctionsListId.OFAC_SDN;
    private static final Actor OFFICER = Actor.of("officer", Role.OFFICER);
    private static final Actor OTHER_OFFICER = Actor.of("officer-2", Role.OFFICER);
    private static final Actor SUPERVISOR = Actor.of("supervisor", Role.SUPERVISOR);
    private static final Actor IMPORTING_SUPERVISOR = Actor.of("supervisor", Role.SUPERVISOR);
    private static final Actor ADMIN = Actor.of("admin", Role.ADMIN);
    private static final Sha256 FIRST = Sha256.of("1".repeat(64));
    private static final Sha256 SHRUNK = Sha256.of("2".repeat(64));
    private static final Sha256 LATER = Sha256.of("3".repeat(64));

    private FixtureConfiguration<SanctionsList> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SanctionsList.class);
        fixture.registerInjectableResource(new ListImportSettings(0.05));
    }

    /** uids 1..count, entry i with one address when {@code withAddress}. */
    private static List<SanctionsEntry> entries(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(LargeRemovalTest::entry).toList();
    }

    private static SanctionsEntry entry(int uid) {
        return new SanctionsEntry(
                String.valueOf(uid),
                "PARTY " + uid,
                "Entity",
                List.of("SDGT"),
                List.of(),
                List.of(new WalletAddress("ETH", String.format("0x%040x", uid))));
    }

    private static ImportSanctionsList importOf(List<SanctionsEntry> entries, Sha256 digest, int day, Actor actor) {
        return new ImportSanctionsList(
                SDN, new ListPublication(LocalDate.of(2026, 11, day), digest, "SDN_CSV", "sdn.csv"), entries, actor);
    }

    /** Version 1: 100 entries with one address each. */
    private List<Object> version1() {
        List<Object> events = new ArrayList<>();
        fixture.givenNoPriorActivity()
                .when(importOf(entries(100), FIRST, 1, OFFICER))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(eventsWhere(events::addAll));
        return events;
    }

    private List<Object> heldAfter(List<Object> given, ImportSanctionsList command) {
        List<Object> events = new ArrayList<>(given);
        fixture.given(given)
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(eventsWhere(events::addAll));
        return events;
    }

    @Test
    void removingFivePercentIsOnePersonsImport() {
        fixture.given(version1())
                .when(importOf(entries(95), SHRUNK, 2, OFFICER))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new SanctionsListVersion("OFAC-SDN", 2, true));
    }

    @Test
    void removingMoreIsHeldAndTheListKeepsItsVersion() {
        fixture.given(version1())
                .when(importOf(entries(94), SHRUNK, 2, OFFICER))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new SanctionsListVersion("OFAC-SDN", 1, false, true))
                .expectEventsMatching(eventsWhere(events -> {
                    assertThat(events)
                            .noneMatch(event -> event instanceof SanctionsEntriesListed
                                    || event instanceof SanctionsEntriesDelisted
                                    || event instanceof SanctionsListVersionImported);
                    assertThat(events.get(0)).isInstanceOf(SanctionsEntriesHeld.class);
                    SanctionsListVersionHeld held = (SanctionsListVersionHeld) events.get(events.size() - 1);
                    assertThat(held.currentVersion()).isEqualTo(1);
                    assertThat(held.entriesRemoved()).containsExactlyInAnyOrder("95", "96", "97", "98", "99", "100");
                    assertThat(held.addressesRemoved()).hasSize(6);
                    assertThat(held.removalShareLimit()).isEqualTo(0.05);
                    assertThat(held.importedBy()).isEqualTo(OFFICER);
                    assertThat(events.stream()
                                    .filter(SanctionsEntriesHeld.class::isInstance)
                                    .mapToInt(event -> ((SanctionsEntriesHeld) event)
                                            .entries()
                                            .size())
                                    .sum())
                            .isEqualTo(94);
                }));
    }

    @Test
    void removingMoreAddressesThanTheShareIsHeldToo() {
        List<SanctionsEntry> withoutAddresses = new ArrayList<>(entries(100));
        for (int i = 0; i < 6; i++) {
            SanctionsEntry entry = withoutAddresses.get(i);
            withoutAddresses.set(
                    i,
                    new SanctionsEntry(
                            entry.uid(), entry.name(), entry.entryType(), entry.programs(), List.of(), List.of()));
        }
        fixture.given(version1())
                .when(importOf(withoutAddresses, SHRUNK, 2, OFFICER))
                .expectResultMessagePayload(new SanctionsListVersion("OFAC-SDN", 1, false, true));
    }

    @Test
    void aSupervisorWhoDidNotImportItConfirmsItAndItBecomesTheNextVersion() {
        List<Object> held = heldAfter(version1(), importOf(entries(10), SHRUNK, 2, OFFICER));
        fixture.given(held)
                .when(new ConfirmHeldSanctionsList(SDN, SHRUNK, SUPERVISOR))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new SanctionsListVersion("OFAC-SDN", 2, true))
                .expectEventsMatching(eventsWhere(events -> {
                    assertThat(((SanctionsEntriesDelisted) events.get(0)).uids())
                            .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(11, 100)
                                    .mapToObj(String::valueOf)
                                    .toList());
                    SanctionsListVersionImported imported = (SanctionsListVersionImported) events.get(1);
                    assertThat(imported.version()).isEqualTo(2);
                    assertThat(imported.entryCount()).isEqualTo(10);
                    assertThat(imported.entriesRemoved()).hasSize(90);
                    assertThat(imported.importedBy()).isEqualTo(OFFICER);
                    SanctionsListHoldEnded ended = (SanctionsListHoldEnded) events.get(2);
                    assertThat(ended.outcome()).isEqualTo(SanctionsListHoldEnded.Outcome.CONFIRMED);
                    assertThat(ended.endedBy()).isEqualTo(SUPERVISOR);
                    assertThat(ended.sha256()).isEqualTo(SHRUNK.hex());
                }));
    }

    @Test
    void anAdministratorMayConfirmToo() {
        fixture.given(heldAfter(version1(), importOf(entries(10), SHRUNK, 2, OFFICER)))
                .when(new ConfirmHeldSanctionsList(SDN, SHRUNK, ADMIN))
                .expectResultMessagePayload(new SanctionsListVersion("OFAC-SDN", 2, true));
    }

    @Test
    void theImporterMayNotConfirmTheirOwnFile() {
        fixture.given(heldAfter(version1(), importOf(entries(10), SHRUNK, 2, IMPORTING_SUPERVISOR)))
                .when(new ConfirmHeldSanctionsList(SDN, SHRUNK, SUPERVISOR))
                .expectNoEvents()
                .expectException(rejectedBy(
                        "confirmerMustNotBeImporter",
                        "the person who imported a list file may not confirm it; a second person must"));
    }

    @Test
    void anotherOfficerMayNotConfirm() {
        fixture.given(heldAfter(version1(), importOf(entries(10), SHRUNK, 2, OFFICER)))
                .when(new ConfirmHeldSanctionsList(SDN, SHRUNK, OTHER_OFFICER))
                .expectNoEvents()
                .expectException(rejectedBy(
                        "confirmerMustBeSupervisorOrAdmin",
                        "only a supervisor or an administrator may decide on a held list file"));
    }

    @Test
    void theConfirmationNamesTheHeldFile() {
        fixture.given(heldAfter(version1(), importOf(entries(10), SHRUNK, 2, OFFICER)))
                .when(new ConfirmHeldSanctionsList(SDN, LATER, SUPERVISOR))
                .expectNoEvents()
                .expectException(rejectedBy(
                        "heldFileMustBeTheOneNamed",
                        "the file waiting for confirmation is " + SHRUNK.hex() + ", not " + LATER.hex()
                                + "; review the held file before deciding on it"));
        fixture.given(version1())
                .when(new ConfirmHeldSanctionsList(SDN, SHRUNK, SUPERVISOR))
                .expectNoEvents()
                .expectException(
                        rejectedBy("heldFileMustBeTheOneNamed", "no file of OFAC-SDN is waiting for confirmation"));
    }

    @Test
    void aWithdrawnFileIsNeverApplied() {
        List<Object> held = heldAfter(version1(), importOf(entries(10), SHRUNK, 2, OFFICER));
        List<Object> withdrawn = new ArrayList<>(held);
        fixture.given(held)
                .when(new WithdrawHeldSanctionsList(SDN, SHRUNK, SUPERVISOR))
                .expectResultMessagePayload(new SanctionsListVersion("OFAC-SDN", 1, false))
                .expectEventsMatching(eventsWhere(events -> {
                    assertThat(events).hasSize(1);
                    assertThat(((SanctionsListHoldEnded) events.get(0)).outcome())
                            .isEqualTo(SanctionsListHoldEnded.Outcome.WITHDRAWN);
                    withdrawn.addAll(events);
                }));
        fixture.given(withdrawn)
                .when(new ConfirmHeldSanctionsList(SDN, SHRUNK, SUPERVISOR))
                .expectNoEvents()
                .expectException(
                        rejectedBy("heldFileMustBeTheOneNamed", "no file of OFAC-SDN is waiting for confirmation"));
    }

    @Test
    void uploadingTheHeldFileAgainRecordsNothingNew() {
        fixture.given(heldAfter(version1(), importOf(entries(10), SHRUNK, 2, OFFICER)))
                .when(importOf(entries(10), SHRUNK, 2, OTHER_OFFICER))
                .expectNoEvents()
                .expectResultMessagePayload(new SanctionsListVersion("OFAC-SDN", 1, false, true));
    }

    @Test
    void aLaterImportSupersedesTheHeldFile() {
        List<SanctionsEntry> later = new ArrayList<>(entries(100));
        later.add(entry(101));
        fixture.given(heldAfter(version1(), importOf(entries(10), SHRUNK, 2, OFFICER)))
                .when(importOf(later, LATER, 3, OFFICER))
                .expectResultMessagePayload(new SanctionsListVersion("OFAC-SDN", 2, true))
                .expectEventsMatching(eventsWhere(events -> {
                    SanctionsListHoldEnded ended = (SanctionsListHoldEnded) events.get(0);
                    assertThat(ended.outcome()).isEqualTo(SanctionsListHoldEnded.Outcome.SUPERSEDED);
                    assertThat(ended.sha256()).isEqualTo(SHRUNK.hex());
                    assertThat(events.get(events.size() - 1)).isInstanceOf(SanctionsListVersionImported.class);
                }));
    }

    @Test
    void anEntryGivenOnlyInPartKeepsTheAddressesTheFileCannotContradict() {
        SanctionsEntry whole = new SanctionsEntry(
                "29703",
                "CUT PARTY",
                "Entity",
                List.of("CYBER2"),
                List.of(),
                List.of(
                        new WalletAddress("XBT", "1111111111111111111114oLvT2"),
                        new WalletAddress("ETH", "0x" + "a".repeat(40)),
                        new WalletAddress("ETH", "0x" + "b".repeat(40))));
        SanctionsEntry cut = new SanctionsEntry(
                "29703",
                "CUT PARTY",
                "Entity",
                List.of("CYBER2"),
                List.of(),
                whole.addresses().subList(0, 1));
        List<SanctionsEntry> first = new ArrayList<>(entries(99));
        first.add(whole);
        List<SanctionsEntry> second = new ArrayList<>(entries(99));
        second.add(cut);
        List<Object> given = new ArrayList<>();
        fixture.givenNoPriorActivity()
                .when(importOf(first, FIRST, 1, OFFICER))
                .expectEventsMatching(eventsWhere(given::addAll));

        fixture.given(given)
                .when(new ImportSanctionsList(
                        SDN,
                        new ListPublication(LocalDate.of(2026, 11, 2), SHRUNK, "SDN_CSV", "sdn.csv"),
                        second,
                        List.of("29703"),
                        OFFICER))
                .expectResultMessagePayload(new SanctionsListVersion("OFAC-SDN", 2, true))
                .expectEventsMatching(eventsWhere(events -> {
                    assertThat(events).hasSize(1);
                    SanctionsListVersionImported imported = (SanctionsListVersionImported) events.get(0);
                    assertThat(imported.entriesChanged()).isEmpty();
                    assertThat(imported.addressesRemoved()).isEmpty();
                    assertThat(imported.incompleteEntries()).containsExactly("29703");
                    assertThat(imported.addressesCarriedOver())
                            .containsExactly(
                                    new ListedAddress("29703", whole.addresses().get(1)),
                                    new ListedAddress("29703", whole.addresses().get(2)));
                    assertThat(imported.addressCount()).isEqualTo(102);
                }));

        // without the entry named as given only in part, the same file removes the two addresses
        fixture.given(given).when(importOf(second, SHRUNK, 2, OFFICER)).expectEventsMatching(eventsWhere(events -> {
            SanctionsListVersionImported imported = (SanctionsListVersionImported) events.get(1);
            assertThat(imported.addressesRemoved()).hasSize(2);
            assertThat(imported.addressesCarriedOver()).isEmpty();
        }));
    }

    private static Matcher<List<EventMessage<?>>> eventsWhere(Consumer<List<Object>> check) {
        return new CustomTypeSafeMatcher<>("events that pass the test's checks") {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> messages) {
                check.accept(
                        messages.stream().<Object>map(EventMessage::getPayload).toList());
                return true;
            }
        };
    }

    private static Matcher<Throwable> rejectedBy(String policy, String sentence) {
        return new CustomTypeSafeMatcher<>("refused by " + policy) {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                return thrown instanceof SanctionsListRejected rejected
                        && rejected.policy().equals(policy)
                        && rejected.getMessage().equals(sentence);
            }
        };
    }
}

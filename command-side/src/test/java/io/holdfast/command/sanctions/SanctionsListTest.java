package io.holdfast.command.sanctions;

import static io.holdfast.command.sanctions.ofac.OfacFiles.XML_V1;
import static io.holdfast.command.sanctions.ofac.OfacFiles.XML_V2;
import static io.holdfast.command.sanctions.ofac.OfacFiles.bytes;
import static io.holdfast.command.sanctions.ofac.OfacFiles.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.command.sanctions.ofac.ParsedList;
import io.holdfast.command.sanctions.ofac.SdnXmlReader;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.Role;
import io.holdfast.kernel.Sha256;
import io.holdfast.kernel.sanctions.ImportSanctionsList;
import io.holdfast.kernel.sanctions.ImportStagedSanctionsList;
import io.holdfast.kernel.sanctions.ListPublication;
import io.holdfast.kernel.sanctions.ListedAddress;
import io.holdfast.kernel.sanctions.SanctionsEntriesDelisted;
import io.holdfast.kernel.sanctions.SanctionsEntriesListed;
import io.holdfast.kernel.sanctions.SanctionsEntry;
import io.holdfast.kernel.sanctions.SanctionsListId;
import io.holdfast.kernel.sanctions.SanctionsListRejected;
import io.holdfast.kernel.sanctions.SanctionsListVersion;
import io.holdfast.kernel.sanctions.SanctionsListVersionImported;
import io.holdfast.kernel.sanctions.StageSanctionsEntries;
import io.holdfast.kernel.sanctions.WalletAddress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SanctionsListTest {

    private static final SanctionsListId SDN = SanctionsListId.OFAC_SDN;
    private static final Actor OFFICER = Actor.of("officer", Role.OFFICER);
    private static final Actor ADMIN = Actor.of("admin", Role.ADMIN);
    private static final Sha256 DIGEST_1 = Sha256.of("1".repeat(64));
    private static final Sha256 DIGEST_2 = Sha256.of("2".repeat(64));

    private FixtureConfiguration<SanctionsList> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SanctionsList.class);
        // these fixtures remove a quarter of a four-entry list; the guard on large removals is tested apart
        fixture.registerInjectableResource(new ListImportSettings(1.0));
    }

    private static List<SanctionsEntry> entriesOf(String file) {
        ParsedList parsed = SdnXmlReader.read(stream(bytes(file)), file);
        return parsed.entries();
    }

    private static ImportSanctionsList importOf(String file, Sha256 digest, LocalDate published, Actor actor) {
        return new ImportSanctionsList(
                SDN, new ListPublication(published, digest, "SDN_XML", file), entriesOf(file), actor);
    }

    private static ImportSanctionsList version1() {
        return importOf(XML_V1, DIGEST_1, LocalDate.of(2026, 11, 18), OFFICER);
    }

    private static ImportSanctionsList version2() {
        return importOf(XML_V2, DIGEST_2, LocalDate.of(2026, 11, 20), ADMIN);
    }

    @Test
    void theFirstImportListsEveryEntryAndRecordsTheVersionWithItsWholeDifference() {
        fixture.givenNoPriorActivity()
                .when(version1())
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new SanctionsListVersion("OFAC-SDN", 1, true))
                .expectEventsMatching(eventsWhere(events -> {
                    assertThat(events).hasSize(2);
                    SanctionsEntriesListed listed = (SanctionsEntriesListed) events.get(0);
                    assertThat(listed.version()).isEqualTo(1);
                    assertThat(listed.entries()).isEqualTo(entriesOf(XML_V1));
                    SanctionsListVersionImported imported = (SanctionsListVersionImported) events.get(1);
                    assertThat(imported.version()).isEqualTo(1);
                    assertThat(imported.publication().digest()).isEqualTo(DIGEST_1);
                    assertThat(imported.entryCount()).isEqualTo(4);
                    assertThat(imported.addressCount()).isEqualTo(7);
                    assertThat(imported.entriesAdded()).containsExactly("36216", "36217", "36218", "40001");
                    assertThat(imported.entriesChanged()).isEmpty();
                    assertThat(imported.entriesRemoved()).isEmpty();
                    assertThat(imported.addressesAdded()).hasSize(7);
                    assertThat(imported.addressesRemoved()).isEmpty();
                    assertThat(imported.importedBy()).isEqualTo(OFFICER);
                }));
    }

    @Test
    void aLaterVersionRecordsWhatWasAddedChangedAndRemoved() {
        fixture.given(recordedVersion1())
                .when(version2())
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new SanctionsListVersion("OFAC-SDN", 2, true))
                .expectEventsMatching(eventsWhere(events -> {
                    SanctionsListVersionImported imported = version2Recorded(events);
                    assertThat(imported.addressesAdded())
                            .containsExactlyInAnyOrder(
                                    new ListedAddress(
                                            "36216",
                                            new WalletAddress("ETH", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")),
                                    new ListedAddress(
                                            "40002",
                                            new WalletAddress(
                                                    "XBT",
                                                    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0")));
                    assertThat(imported.addressesRemoved())
                            .containsExactly(new ListedAddress(
                                    "36216", new WalletAddress("XBT", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")));
                }));
    }

    @Test
    void importingTheCurrentFileAgainChangesNothing() {
        fixture.given(recordedVersion1())
                .when(version1())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new SanctionsListVersion("OFAC-SDN", 1, false));
    }

    @Test
    void aFilePublishedBeforeTheCurrentVersionIsRefused() {
        fixture.given(recordedVersion1())
                .when(importOf(XML_V2, DIGEST_2, LocalDate.of(2026, 11, 17), OFFICER))
                .expectNoEvents()
                .expectException(rejectedBy(
                        "publicationMustNotPrecedeCurrentVersion",
                        "this file was published on 2026-11-17, before the current version (2026-11-18, version 1);"
                                + " importing it would undo later designations"));
    }

    @Test
    void aFileWithoutEntriesIsRefused() {
        fixture.given(recordedVersion1())
                .when(new ImportSanctionsList(
                        SDN,
                        new ListPublication(LocalDate.of(2026, 11, 21), DIGEST_2, "SDN_XML", "x"),
                        List.of(),
                        OFFICER))
                .expectNoEvents()
                .expectException(rejectedBy(
                        "aVersionNamesAtLeastOneEntry",
                        "the file names no entries; a list version without entries would delist everyone"));
    }

    @Test
    void anEntryNamedTwiceIsRefused() {
        List<SanctionsEntry> twice = new ArrayList<>(entriesOf(XML_V1));
        twice.add(twice.get(0));
        fixture.givenNoPriorActivity()
                .when(new ImportSanctionsList(
                        SDN, new ListPublication(LocalDate.of(2026, 11, 18), DIGEST_1, "SDN_XML", "x"), twice, OFFICER))
                .expectNoEvents()
                .expectException(rejectedBy("eachEntryIsListedOnce", "the file names entry 36216 more than once"));
    }

    @Test
    void anAuditorOrLiaisonMayNotImport() {
        fixture.givenNoPriorActivity()
                .when(importOf(XML_V1, DIGEST_1, LocalDate.of(2026, 11, 18), Actor.of("auditor", Role.AUDITOR)))
                .expectNoEvents()
                .expectException(rejectedBy(
                        "importerMustBeOfficerOrAdmin",
                        "only a compliance officer, a supervisor or an administrator may import a sanctions list"));
    }

    @Test
    void aLargeVersionIsRecordedInPartsSoNoEventGrowsLarge() {
        List<SanctionsEntry> many = IntStream.range(0, SanctionsList.ENTRIES_PER_EVENT * 2 + 1)
                .mapToObj(
                        i -> new SanctionsEntry("U" + i, "NAME " + i, "Entity", List.of("SDGT"), List.of(), List.of()))
                .toList();
        fixture.givenNoPriorActivity()
                .when(new ImportSanctionsList(
                        SDN, new ListPublication(LocalDate.of(2026, 11, 18), DIGEST_1, "SDN_XML", "x"), many, OFFICER))
                .expectEventsMatching(eventsWhere(events -> {
                    assertThat(events).hasSize(4);
                    assertThat(events.subList(0, 3)).allMatch(SanctionsEntriesListed.class::isInstance);
                    assertThat(((SanctionsEntriesListed) events.get(2)).entries())
                            .hasSize(1);
                    assertThat(((SanctionsListVersionImported) events.get(3)).entryCount())
                            .isEqualTo(many.size());
                }));
    }

    @Nested
    class AFileSentInParts {

        private final StagedListImports staged = new StagedListImports();

        @BeforeEach
        void stagingOnThisNode() {
            fixture.registerInjectableResource(staged);
        }

        private ImportStagedSanctionsList stagedInTwoParts(ImportSanctionsList whole, String importId) {
            List<SanctionsEntry> entries = whole.entries();
            int half = entries.size() / 2;
            staged.handle(
                    new StageSanctionsEntries(SDN, importId, 1, entries.subList(half, entries.size()), whole.actor()));
            staged.handle(new StageSanctionsEntries(SDN, importId, 0, entries.subList(0, half), whole.actor()));
            return new ImportStagedSanctionsList(SDN, whole.publication(), importId, 2, entries.size(), whole.actor());
        }

        @Test
        void recordsTheSameEventsAsTheWholeFileInOneMessage() {
            fixture.given(recordedVersion1())
                    .when(stagedInTwoParts(version2(), "upload-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(new SanctionsListVersion("OFAC-SDN", 2, true))
                    .expectEventsMatching(eventsWhere(events ->
                            assertThat(version2Recorded(events).importedBy()).isEqualTo(ADMIN)));
        }

        @Test
        void anUploadWithAPartMissingRecordsNothing() {
            ImportSanctionsList whole = version2();
            staged.handle(new StageSanctionsEntries(
                    SDN, "upload-2", 0, whole.entries().subList(0, 1), whole.actor()));

            fixture.given(recordedVersion1())
                    .when(new ImportStagedSanctionsList(
                            SDN,
                            whole.publication(),
                            "upload-2",
                            2,
                            whole.entries().size(),
                            whole.actor()))
                    .expectNoEvents()
                    .expectException(rejectedBy(
                            "everyPartOfAnUploadMustArrive",
                            "the 2 parts of this upload (" + whole.entries().size() + " entries) did not all reach the"
                                    + " node that imports the list, which happens when a node joins or leaves during"
                                    + " the upload; nothing was recorded, send the file again"));
        }

        @Test
        void onlyThoseWhoMayImportMayStageAPart() {
            assertThatThrownBy(() -> staged.handle(new StageSanctionsEntries(
                            SDN, "upload-3", 0, entriesOf(XML_V1), Actor.of("auditor", Role.AUDITOR))))
                    .isInstanceOfSatisfying(
                            SanctionsListRejected.class,
                            rejected -> assertThat(rejected.policy()).isEqualTo("importerMustBeOfficerOrAdmin"));
        }
    }

    /** The entries of version 2 that are new or changed, the one removed, and the version's difference. */
    private static SanctionsListVersionImported version2Recorded(List<Object> events) {
        assertThat(events).hasSize(3);
        SanctionsEntriesListed listed = (SanctionsEntriesListed) events.get(0);
        assertThat(listed.entries()).extracting(SanctionsEntry::uid).containsExactly("36216", "40002");
        assertThat(events.get(1)).isEqualTo(new SanctionsEntriesDelisted("OFAC-SDN", 2, List.of("36218")));
        SanctionsListVersionImported imported = (SanctionsListVersionImported) events.get(2);
        assertThat(imported.version()).isEqualTo(2);
        assertThat(imported.entriesAdded()).containsExactly("40002");
        assertThat(imported.entriesChanged()).containsExactly("36216");
        assertThat(imported.entriesRemoved()).containsExactly("36218");
        return imported;
    }

    private static List<Object> recordedVersion1() {
        List<SanctionsEntry> entries = entriesOf(XML_V1);
        List<ListedAddress> addresses = entries.stream()
                .flatMap(entry -> entry.addresses().stream().map(address -> new ListedAddress(entry.uid(), address)))
                .toList();
        return List.of(
                new SanctionsEntriesListed("OFAC-SDN", 1, entries),
                new SanctionsListVersionImported(
                        "OFAC-SDN",
                        1,
                        new ListPublication(LocalDate.of(2026, 11, 18), DIGEST_1, "SDN_XML", XML_V1),
                        4,
                        7,
                        entries.stream().map(SanctionsEntry::uid).toList(),
                        List.of(),
                        List.of(),
                        addresses,
                        List.of(),
                        List.of(),
                        List.of(),
                        OFFICER,
                        java.time.Instant.parse("2026-11-18T12:00:00Z")));
    }

    private static Matcher<List<EventMessage<?>>> eventsWhere(java.util.function.Consumer<List<Object>> check) {
        return new CustomTypeSafeMatcher<>("events that pass the test's checks") {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> messages) {
                check.accept(
                        messages.stream().<Object>map(EventMessage::getPayload).toList());
                return true;
            }
        };
    }

    private static Matcher<Object> rejectedBy(String policy, String sentence) {
        return new CustomTypeSafeMatcher<>("a rejection by policy " + policy + " saying \"" + sentence + "\"") {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof SanctionsListRejected rejected
                        && rejected.policy().equals(policy)
                        && rejected.getMessage().equals(sentence);
            }
        };
    }
}

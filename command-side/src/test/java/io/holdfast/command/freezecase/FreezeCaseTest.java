package io.holdfast.command.freezecase;

import static io.holdfast.command.freezecase.CaseExamples.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.command.screening.ScreeningCaseIds;
import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.CaseStatus;
import io.holdfast.kernel.FlagReason;
import io.holdfast.kernel.ReleaseReason;
import io.holdfast.kernel.freezecase.AccountFlagged;
import io.holdfast.kernel.freezecase.AddNote;
import io.holdfast.kernel.freezecase.ApproveFreeze;
import io.holdfast.kernel.freezecase.AssetsFrozen;
import io.holdfast.kernel.freezecase.AssetsReleased;
import io.holdfast.kernel.freezecase.AssetsTurnedOver;
import io.holdfast.kernel.freezecase.CaseCommandRejected.Kind;
import io.holdfast.kernel.freezecase.CaseDismissed;
import io.holdfast.kernel.freezecase.CaseVersion;
import io.holdfast.kernel.freezecase.DismissCase;
import io.holdfast.kernel.freezecase.FlagAccount;
import io.holdfast.kernel.freezecase.FreezeRequestRejected;
import io.holdfast.kernel.freezecase.FreezeRequested;
import io.holdfast.kernel.freezecase.NoteAdded;
import io.holdfast.kernel.freezecase.RecordWarrant;
import io.holdfast.kernel.freezecase.RejectFreezeRequest;
import io.holdfast.kernel.freezecase.ReleaseAssets;
import io.holdfast.kernel.freezecase.RequestFreeze;
import io.holdfast.kernel.freezecase.SanctionsMatchRecorded;
import io.holdfast.kernel.freezecase.TurnOverAssets;
import io.holdfast.kernel.freezecase.WarrantReceived;
import io.holdfast.kernel.sanctions.SanctionsMatch;
import io.holdfast.kernel.sanctions.WalletAddress;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FreezeCaseTest {

    private FixtureConfiguration<FreezeCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FreezeCase.class);
        fixture.registerInjectableResource(CaseDeadlines.standard());
    }

    private static FlagAccount flag(io.holdfast.kernel.Actor actor, FlagReason reason) {
        return new FlagAccount(CASE, ACCOUNT, SUBJECT, reason, EVIDENCE, actor);
    }

    @Nested
    class Flagging {

        @Test
        void anOfficerOpensACaseAtVersionZero() {
            fixture.givenNoPriorActivity()
                    .when(flag(OFFICER, SANCTIONS))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(flagged())
                    .expectResultMessagePayload(new CaseVersion(CASE, 0))
                    .expectState(state -> assertThat(state.status()).isEqualTo(CaseStatus.FLAGGED));
        }

        @Test
        void anExistingCaseIdCannotBeFlaggedAgain() {
            fixture.given(flagged())
                    .when(flag(OFFICER2, SANCTIONS))
                    .expectNoEvents()
                    .expectException(
                            rejectedBy(
                                    "caseIdMustBeUnused",
                                    "case CASE-1 already exists; choose another case id or leave it out to have one generated"));
        }

        @Test
        void anAuditorMayNotFlag() {
            fixture.givenNoPriorActivity()
                    .when(flag(AUDITOR, SANCTIONS))
                    .expectNoEvents()
                    .expectException(
                            rejectedBy("roleMustPermit", "auditor acts as AUDITOR and may not flag an account"));
        }

        @Test
        void anAdminMayNotFlag() {
            fixture.givenNoPriorActivity()
                    .when(flag(ADMIN, SANCTIONS))
                    .expectNoEvents()
                    .expectException(rejectedBy("roleMustPermit", Kind.NOT_PERMITTED));
        }

        @Test
        void aLiaisonFlagsOnALawEnforcementRequestOfItsOwnAgency() {
            FlagReason request = FlagReason.lawEnforcementRequest(FBI, "grand jury subpoena");
            fixture.givenNoPriorActivity()
                    .when(flag(LIAISON_FBI, request))
                    .expectEvents(new AccountFlagged(CASE, ACCOUNT, SUBJECT, request, EVIDENCE, LIAISON_FBI));
        }

        @Test
        void aLiaisonMayNotFlagForAnotherAgency() {
            fixture.givenNoPriorActivity()
                    .when(flag(LIAISON_FBI, FlagReason.lawEnforcementRequest(HSI, "not ours")))
                    .expectNoEvents()
                    .expectException(rejectedBy(
                            "liaisonFlagsOnlyLawEnforcementRequestsOfItsAgency",
                            "a liaison of FBI may flag an account only on a law-enforcement request of FBI"));
        }

        @Test
        void aLiaisonMayNotFlagOnASanctionsMatch() {
            fixture.givenNoPriorActivity()
                    .when(flag(LIAISON_FBI, SANCTIONS))
                    .expectNoEvents()
                    .expectException(
                            rejectedBy("liaisonFlagsOnlyLawEnforcementRequestsOfItsAgency", Kind.NOT_PERMITTED));
        }
    }

    @Nested
    class Screening {

        private final io.holdfast.kernel.Actor screening = io.holdfast.kernel.Actor.system("screening");
        private final CaseId screeningCase = ScreeningCaseIds.caseIdFor("OFAC-SDN", "36216", ACCOUNT);
        private final SanctionsMatch match = new SanctionsMatch(
                "OFAC-SDN",
                2,
                "36216",
                List.of("DPRK3", "CYBER2"),
                new WalletAddress("ETH", "0x52908400098527886e0f7030069857d2e4169ee7"),
                new WalletAddress("ETH", "0x52908400098527886E0F7030069857D2E4169EE7"),
                "run-1");
        private final FlagReason reason =
                FlagReason.sanctionsMatch("OFAC-SDN", "36216", "screening matched an address");

        private FlagAccount screeningFlag(CaseId id, FlagReason why, SanctionsMatch found) {
            return new FlagAccount(id, ACCOUNT, SUBJECT, why, List.of(), screening, found);
        }

        @Test
        void screeningOpensACaseAndRecordsTheMatchItFound() {
            fixture.givenNoPriorActivity()
                    .when(screeningFlag(screeningCase, reason, match))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            new AccountFlagged(screeningCase, ACCOUNT, SUBJECT, reason, List.of(), screening),
                            new SanctionsMatchRecorded(screeningCase, match, screening))
                    .expectResultMessagePayload(new CaseVersion(screeningCase, 1));
        }

        @Test
        void screeningAgainFindsTheCaseAlreadyOpen() {
            fixture.given(
                            new AccountFlagged(screeningCase, ACCOUNT, SUBJECT, reason, List.of(), screening),
                            new SanctionsMatchRecorded(screeningCase, match, screening))
                    .when(screeningFlag(screeningCase, reason, match))
                    .expectNoEvents()
                    .expectException(rejectedBy("caseIdMustBeUnused", Kind.CONFLICT));
        }

        @Test
        void holdfastDoesNotFlagWithoutAMatch() {
            fixture.givenNoPriorActivity()
                    .when(screeningFlag(screeningCase, reason, null))
                    .expectNoEvents()
                    .expectException(rejectedBy(
                            "holdfastFlagsOnlyOnASanctionsMatch",
                            "Holdfast flags an account by itself only on a sanctions match it can name"));
        }

        @Test
        void theMatchMustBeTheEntryTheReasonNames() {
            FlagReason otherEntry = FlagReason.sanctionsMatch("OFAC-SDN", "40001", "screening");
            fixture.givenNoPriorActivity()
                    .when(screeningFlag(screeningCase, otherEntry, match))
                    .expectNoEvents()
                    .expectException(
                            rejectedBy(
                                    "matchMustBeTheReasonsListEntry",
                                    "a case opened on a sanctions match must give that list and entry as its reason (list OFAC-SDN, entry 36216)"));
        }

        @Test
        void aPersonMayNotTakeACaseIdReservedForScreening() {
            fixture.givenNoPriorActivity()
                    .when(new FlagAccount(screeningCase, ACCOUNT, SUBJECT, SANCTIONS, EVIDENCE, OFFICER))
                    .expectNoEvents()
                    .expectException(
                            rejectedBy(
                                    "screeningCaseIdsAreHoldfasts",
                                    "case ids beginning 'screening-' are given by sanctions screening; choose another case id"));
        }

        @Test
        void screeningIdsDifferPerAccountAndEntryAndRepeatForTheSamePair() {
            assertThat(ScreeningCaseIds.caseIdFor("OFAC-SDN", "36216", ACCOUNT)).isEqualTo(screeningCase);
            assertThat(ScreeningCaseIds.caseIdFor("OFAC-SDN", "36217", ACCOUNT)).isNotEqualTo(screeningCase);
            assertThat(ScreeningCaseIds.caseIdFor("OFAC-SDN", "36216", AccountId.of("ACC-2")))
                    .isNotEqualTo(screeningCase);
        }
    }

    @Nested
    class Warrants {

        @Test
        void noCommandReachesAnUnknownCase() {
            fixture.givenNoPriorActivity()
                    .when(new RecordWarrant(CASE, warrant(W1), OFFICER))
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);
        }

        @Test
        void aWarrantMovesAFlaggedCaseToWarrantReceived() {
            fixture.given(flagged())
                    .andGivenCurrentTime(DURING_WARRANT)
                    .when(new RecordWarrant(CASE, warrant(W1), OFFICER))
                    .expectEvents(warrantReceived())
                    .expectResultMessagePayload(new CaseVersion(CASE, 1))
                    .expectState(state -> assertThat(state.status()).isEqualTo(CaseStatus.WARRANT_RECEIVED));
        }

        @Test
        void aCaseMayHoldSeveralWarrants() {
            fixture.given(flagged(), warrantReceived())
                    .andGivenCurrentTime(DURING_WARRANT)
                    .when(new RecordWarrant(CASE, warrant(W2, HSI), SUPERVISOR))
                    .expectEvents(new WarrantReceived(CASE, warrant(W2, HSI), SUPERVISOR));
        }

        @Test
        void aWarrantThatHasAlreadyExpiredIsNotRecorded() {
            fixture.given(flagged())
                    .andGivenCurrentTime(EXPIRES)
                    .when(new RecordWarrant(CASE, warrant(W1), OFFICER))
                    .expectNoEvents()
                    .expectException(rejectedBy(
                            "warrantMustNotHaveExpired",
                            "warrant W-1 expired at 2023-08-24T15:00:00Z, before it was recorded"));
        }

        @Test
        void warrantIdsAreUniqueWithinTheCase() {
            fixture.given(flagged(), warrantReceived())
                    .when(new RecordWarrant(CASE, warrant(W1), OFFICER))
                    .expectNoEvents()
                    .expectException(rejectedBy(
                            "warrantIdMustBeUniqueInCase", "warrant W-1 is already recorded on case CASE-1"));
        }

        @Test
        void aDismissedCaseTakesNoWarrant() {
            fixture.given(flagged(), new CaseDismissed(CASE, "false positive", OFFICER))
                    .when(new RecordWarrant(CASE, warrant(W1), OFFICER))
                    .expectNoEvents()
                    .expectException(rejectedBy(
                            "closedCaseTakesOnlyNotes",
                            "case CASE-1 is DISMISSED and takes nothing but notes; cannot record a warrant"));
        }

        @Test
        void aReleasedCaseTakesNoWarrant() {
            fixture.given(
                            flagged(),
                            warrantReceived(),
                            freezeRequested(),
                            assetsFrozen(),
                            new AssetsReleased(
                                    CASE, REQUESTED, ReleaseReason.ORDER_LIFTED, "ref", SUPERVISOR, holdings()))
                    .when(new RecordWarrant(CASE, warrant(W2), OFFICER))
                    .expectNoEvents()
                    .expectException(rejectedBy("closedCaseTakesOnlyNotes", Kind.CONFLICT));
        }

        @Test
        void aTurnedOverCaseTakesNoWarrant() {
            fixture.given(
                            flagged(),
                            warrantReceived(),
                            freezeRequested(),
                            assetsFrozen(),
                            new AssetsTurnedOver(CASE, REQUESTED, "USMS custody", "ref", SUPERVISOR, holdings()))
                    .when(new RecordWarrant(CASE, warrant(W2), OFFICER))
                    .expectNoEvents()
                    .expectException(rejectedBy("closedCaseTakesOnlyNotes", Kind.CONFLICT));
        }

        @Test
        void aLiaisonRecordsWarrantsOfItsAgencyOnCasesItsAgencyIsPartyTo() {
            fixture.given(flagged(), warrantReceived())
                    .andGivenCurrentTime(DURING_WARRANT)
                    .when(new RecordWarrant(CASE, warrant(W2, FBI), LIAISON_FBI))
                    .expectEvents(new WarrantReceived(CASE, warrant(W2, FBI), LIAISON_FBI));
        }

        @Test
        void aLiaisonMayNotRecordAnotherAgencysWarrant() {
            fixture.given(flagged(), warrantReceived())
                    .when(new RecordWarrant(CASE, warrant(W2, HSI), LIAISON_FBI))
                    .expectNoEvents()
                    .expectException(rejectedBy(
                            "liaisonRecordsWarrantsOnlyForItsAgency",
                            "a liaison of FBI may record only warrants requested by FBI, not by HSI"));
        }

        @Test
        void aCaseItsAgencyIsNotPartyToDoesNotExistForALiaison() {
            fixture.given(flagged(), warrantReceived())
                    .when(new RecordWarrant(CASE, warrant(W2, HSI), LIAISON_HSI))
                    .expectNoEvents()
                    .expectException(rejectedBy("liaisonSeesOnlyCasesOfItsAgency", "case CASE-1 was not found"));
        }

        @Test
        void anAuditorMayNotRecordAWarrant() {
            fixture.given(flagged())
                    .when(new RecordWarrant(CASE, warrant(W1), AUDITOR))
                    .expectNoEvents()
                    .expectException(rejectedBy("roleMustPermit", Kind.NOT_PERMITTED));
        }
    }

    @Nested
    class FreezeRequests {

        @Test
        void anOfficerRequestsAFreezeUnderAWarrantInForce() {
            fixture.given(flagged(), warrantReceived())
                    .andGivenCurrentTime(DURING_WARRANT)
                    .when(new RequestFreeze(CASE, R1, W1, REQUESTED, OFFICER))
                    .expectEvents(freezeRequested())
                    .expectResultMessagePayload(new CaseVersion(CASE, 2));
        }

        @Test
        void theWarrantMustBeRecordedOnTheCase() {
            fixture.given(flagged(), warrantReceived())
                    .andGivenCurrentTime(DURING_WARRANT)
                    .when(new RequestFreeze(CASE, R1, W2, REQUESTED, OFFICER))
                    .expectNoEvents()
                    .expectException(
                            rejectedBy("warrantMustBelongToCase", "warrant W-2 is not recorded on case CASE-1"));
        }

        @Test
        void anExpiredWarrantIsJudgedAtTheCommandsTime() {
            fixture.given(flagged(), warrantReceived())
                    .andGivenCurrentTime(Instant.parse("2023-09-01T00:00:00Z"))
                    .when(new RequestFreeze(CASE, R1, W1, REQUESTED, OFFICER))
                    .expectNoEvents()
                    .expectException(rejectedBy("warrantMustBeInForce", "warrant W-1 expired at 2023-08-24T15:00:00Z"));
        }

        @Test
        void aWarrantHasExpiredAtTheVeryInstantOfItsExpiry() {
            fixture.given(flagged(), warrantReceived())
                    .andGivenCurrentTime(EXPIRES)
                    .when(new RequestFreeze(CASE, R1, W1, REQUESTED, OFFICER))
                    .expectNoEvents()
                    .expectException(rejectedBy("warrantMustBeInForce", Kind.CONFLICT));
        }

        @Test
        void aWarrantIsInForceUpToItsExpiry() {
            fixture.given(flagged(), warrantReceived())
                    .andGivenCurrentTime(EXPIRES.minusSeconds(1))
                    .when(new RequestFreeze(CASE, R1, W1, REQUESTED, OFFICER))
                    .expectEvents(freezeRequested());
        }

        @Test
        void theWarrantMustCoverEveryAssetRequested() {
            fixture.given(flagged(), warrantReceived())
                    .andGivenCurrentTime(DURING_WARRANT)
                    .when(new RequestFreeze(CASE, R1, W1, holdings("BTC", "1", "ETH", "10"), OFFICER))
                    .expectNoEvents()
                    .expectException(rejectedBy("warrantMustCoverEveryAsset", "warrant W-1 does not cover ETH"));
        }

        @Test
        void aFreezeMayNotExceedTheWarrantsMaximum() {
            fixture.given(flagged(), warrantReceived())
                    .andGivenCurrentTime(DURING_WARRANT)
                    .when(new RequestFreeze(CASE, R1, W1, holdings("USDT", "3100000.01"), OFFICER))
                    .expectNoEvents()
                    .expectException(
                            rejectedBy(
                                    "freezeMustStayWithinWarrantMaximum",
                                    "warrant W-1 allows at most 3100000 USDT; 0 is already frozen under it, so 3100000.01 more would exceed it"));
        }

        @Test
        void theMaximumCountsWhatIsAlreadyFrozenUnderTheWarrant() {
            fixture.given(flagged(), warrantReceived(), freezeRequested(), assetsFrozen())
                    .andGivenCurrentTime(DURING_WARRANT)
                    .when(new RequestFreeze(CASE, R2, W1, holdings("USDT", "50000.01"), OFFICER))
                    .expectNoEvents()
                    .expectException(
                            rejectedBy(
                                    "freezeMustStayWithinWarrantMaximum",
                                    "warrant W-1 allows at most 3100000 USDT; 3050000.00 is already frozen under it, so 50000.01 more would exceed it"));
        }

        @Test
        void exactlyTheMaximumIsAllowed() {
            fixture.given(flagged(), warrantReceived(), freezeRequested(), assetsFrozen())
                    .andGivenCurrentTime(DURING_WARRANT)
                    .when(new RequestFreeze(CASE, R2, W1, holdings("USDT", "50000"), OFFICER))
                    .expectEvents(new FreezeRequested(CASE, R2, W1, holdings("USDT", "50000"), OFFICER));
        }

        @Test
        void anUnlimitedScopeTakesAnyAmount() {
            fixture.given(flagged(), warrantReceived())
                    .andGivenCurrentTime(DURING_WARRANT)
                    .when(new RequestFreeze(CASE, R1, W1, holdings("BTC", "1000000"), OFFICER))
                    .expectEvents(new FreezeRequested(CASE, R1, W1, holdings("BTC", "1000000"), OFFICER));
        }

        @Test
        void requestIdsAreUniqueWithinTheCase() {
            fixture.given(flagged(), warrantReceived(), freezeRequested())
                    .andGivenCurrentTime(DURING_WARRANT)
                    .when(new RequestFreeze(CASE, R1, W1, holdings("BTC", "1"), OFFICER))
                    .expectNoEvents()
                    .expectException(rejectedBy(
                            "freezeRequestIdMustBeUniqueInCase", "freeze request R-1 already exists on case CASE-1"));
        }

        @Test
        void aLiaisonMayNotRequestAFreeze() {
            fixture.given(flagged(), warrantReceived())
                    .andGivenCurrentTime(DURING_WARRANT)
                    .when(new RequestFreeze(CASE, R1, W1, REQUESTED, LIAISON_FBI))
                    .expectNoEvents()
                    .expectException(
                            rejectedBy("roleMustPermit", "liaison-fbi acts as LIAISON and may not request a freeze"));
        }

        @Test
        void aDismissedCaseTakesNoFreezeRequest() {
            fixture.given(flagged(), warrantReceived(), new CaseDismissed(CASE, "false positive", OFFICER))
                    .andGivenCurrentTime(DURING_WARRANT)
                    .when(new RequestFreeze(CASE, R1, W1, REQUESTED, OFFICER))
                    .expectNoEvents()
                    .expectException(rejectedBy("closedCaseTakesOnlyNotes", Kind.CONFLICT));
        }
    }

    @Nested
    class FourEyes {

        @Test
        void aSecondPersonWhoIsASupervisorApprovesAndTheAssetsAreFrozen() {
            fixture.given(flagged(), warrantReceived(), freezeRequested())
                    .andGivenCurrentTime(DURING_WARRANT)
                    .when(new ApproveFreeze(CASE, R1, "approved", SUPERVISOR))
                    .expectEvents(assetsFrozen())
                    .expectResultMessagePayload(new CaseVersion(CASE, 3))
                    .expectState(state -> assertThat(state.status()).isEqualTo(CaseStatus.FROZEN));
        }

        @Test
        void anOfficerMayNotApprove() {
            fixture.given(flagged(), warrantReceived(), freezeRequested())
                    .andGivenCurrentTime(DURING_WARRANT)
                    .when(new ApproveFreeze(CASE, R1, null, OFFICER2))
                    .expectNoEvents()
                    .expectException(rejectedBy(
                            "approverMustBeSupervisor",
                            "only a supervisor may approve or reject a freeze request; officer2 acts as OFFICER"));
        }

        @Test
        void aSupervisorMayNotApproveTheirOwnRequest() {
            fixture.given(flagged(), warrantReceived(), new FreezeRequested(CASE, R1, W1, REQUESTED, SUPERVISOR))
                    .andGivenCurrentTime(DURING_WARRANT)
                    .when(new ApproveFreeze(CASE, R1, null, SUPERVISOR))
                    .expectNoEvents()
                    .expectException(rejectedBy(
                            "approverMustNotBeRequester",
                            "supervisor requested freeze R-1 and may not decide it; a second supervisor must"));
        }

        @Test
        void anotherSupervisorMayApproveASupervisorsRequest() {
            fixture.given(flagged(), warrantReceived(), new FreezeRequested(CASE, R1, W1, REQUESTED, SUPERVISOR))
                    .andGivenCurrentTime(DURING_WARRANT)
                    .when(new ApproveFreeze(CASE, R1, null, SUPERVISOR2))
                    .expectEvents(new AssetsFrozen(CASE, R1, W1, REQUESTED, SUPERVISOR, SUPERVISOR2, null, REQUESTED));
        }

        @Test
        void anApprovedRequestCannotBeApprovedAgain() {
            fixture.given(flagged(), warrantReceived(), freezeRequested(), assetsFrozen())
                    .andGivenCurrentTime(DURING_WARRANT)
                    .when(new ApproveFreeze(CASE, R1, null, SUPERVISOR2))
                    .expectNoEvents()
                    .expectException(rejectedBy(
                            "onlyPendingRequestsAreDecided",
                            "freeze request R-1 was already approved and cannot be decided again"));
        }

        @Test
        void aRejectedRequestCannotBeApproved() {
            fixture.given(
                            flagged(),
                            warrantReceived(),
                            freezeRequested(),
                            new FreezeRequestRejected(CASE, R1, W1, REQUESTED, OFFICER, SUPERVISOR, "wrong account"))
                    .andGivenCurrentTime(DURING_WARRANT)
                    .when(new ApproveFreeze(CASE, R1, null, SUPERVISOR2))
                    .expectNoEvents()
                    .expectException(rejectedBy(
                            "onlyPendingRequestsAreDecided",
                            "freeze request R-1 was already rejected and cannot be decided again"));
        }

        @Test
        void anUnknownRequestCannotBeApproved() {
            fixture.given(flagged(), warrantReceived(), freezeRequested())
                    .andGivenCurrentTime(DURING_WARRANT)
                    .when(new ApproveFreeze(CASE, R2, null, SUPERVISOR))
                    .expectNoEvents()
                    .expectException(rejectedBy("freezeRequestMustExist", "case CASE-1 has no freeze request R-2"));
        }

        @Test
        void aRequestWhoseWarrantExpiredMeanwhileCannotBeApproved() {
            fixture.given(flagged(), warrantReceived(), freezeRequested())
                    .andGivenCurrentTime(EXPIRES.plusSeconds(60))
                    .when(new ApproveFreeze(CASE, R1, null, SUPERVISOR))
                    .expectNoEvents()
                    .expectException(rejectedBy("warrantMustBeInForce", "warrant W-1 expired at 2023-08-24T15:00:00Z"));
        }

        @Test
        void twoPendingRequestsMayNotTogetherExceedTheWarrantsMaximum() {
            fixture.given(
                            flagged(),
                            warrantReceived(),
                            new FreezeRequested(CASE, R1, W1, holdings("USDT", "2000000"), OFFICER),
                            new FreezeRequested(CASE, R2, W1, holdings("USDT", "2000000"), OFFICER2),
                            new AssetsFrozen(
                                    CASE,
                                    R1,
                                    W1,
                                    holdings("USDT", "2000000"),
                                    OFFICER,
                                    SUPERVISOR,
                                    null,
                                    holdings("USDT", "2000000")))
                    .andGivenCurrentTime(DURING_WARRANT)
                    .when(new ApproveFreeze(CASE, R2, null, SUPERVISOR))
                    .expectNoEvents()
                    .expectException(rejectedBy("freezeMustStayWithinWarrantMaximum", Kind.CONFLICT));
        }

        @Test
        void aSecondSupervisorRejectsARequest() {
            fixture.given(flagged(), warrantReceived(), freezeRequested())
                    .when(new RejectFreezeRequest(CASE, R1, "scope does not match the account", SUPERVISOR))
                    .expectEvents(new FreezeRequestRejected(
                            CASE, R1, W1, REQUESTED, OFFICER, SUPERVISOR, "scope does not match the account"))
                    .expectState(state -> assertThat(state.status()).isEqualTo(CaseStatus.WARRANT_RECEIVED));
        }

        @Test
        void theRequesterMayNotRejectTheirOwnRequest() {
            fixture.given(flagged(), warrantReceived(), new FreezeRequested(CASE, R1, W1, REQUESTED, SUPERVISOR))
                    .when(new RejectFreezeRequest(CASE, R1, "changed my mind", SUPERVISOR))
                    .expectNoEvents()
                    .expectException(rejectedBy("approverMustNotBeRequester", Kind.CONFLICT));
        }

        @Test
        void anOfficerMayNotReject() {
            fixture.given(flagged(), warrantReceived(), freezeRequested())
                    .when(new RejectFreezeRequest(CASE, R1, "no", OFFICER2))
                    .expectNoEvents()
                    .expectException(rejectedBy("approverMustBeSupervisor", Kind.NOT_PERMITTED));
        }

        @Test
        void anApprovedRequestCannotBeRejected() {
            fixture.given(flagged(), warrantReceived(), freezeRequested(), assetsFrozen())
                    .when(new RejectFreezeRequest(CASE, R1, "too late", SUPERVISOR2))
                    .expectNoEvents()
                    .expectException(rejectedBy("onlyPendingRequestsAreDecided", Kind.CONFLICT));
        }

        @Test
        void aPendingRequestOnADismissedCaseCannotBeApproved() {
            fixture.given(
                            flagged(),
                            warrantReceived(),
                            freezeRequested(),
                            new CaseDismissed(CASE, "false positive", OFFICER))
                    .andGivenCurrentTime(DURING_WARRANT)
                    .when(new ApproveFreeze(CASE, R1, null, SUPERVISOR))
                    .expectNoEvents()
                    .expectException(rejectedBy("closedCaseTakesOnlyNotes", Kind.CONFLICT));
        }
    }

    @Nested
    class ReleaseAndTurnOver {

        @Test
        void aPartialReleaseKeepsTheCaseFrozen() {
            fixture.given(flagged(), warrantReceived(), freezeRequested(), assetsFrozen())
                    .when(new ReleaseAssets(
                            CASE, holdings("BTC", "10"), ReleaseReason.ORDER_LIFTED, "23-SW-0412-A", SUPERVISOR))
                    .expectEvents(new AssetsReleased(
                            CASE,
                            holdings("BTC", "10"),
                            ReleaseReason.ORDER_LIFTED,
                            "23-SW-0412-A",
                            SUPERVISOR,
                            holdings("USDT", "3050000.00", "BTC", "39.5")))
                    .expectResultMessagePayload(new CaseVersion(CASE, 4))
                    .expectState(state -> assertThat(state.status()).isEqualTo(CaseStatus.FROZEN));
        }

        @Test
        void releasingWhatRemainsReleasesTheCase() {
            fixture.given(
                            flagged(),
                            warrantReceived(),
                            freezeRequested(),
                            assetsFrozen(),
                            new AssetsReleased(
                                    CASE,
                                    holdings("BTC", "10"),
                                    ReleaseReason.ORDER_LIFTED,
                                    "A",
                                    SUPERVISOR,
                                    holdings("USDT", "3050000.00", "BTC", "39.5")))
                    .when(new ReleaseAssets(
                            CASE,
                            holdings("BTC", "39.5", "USDT", "3050000"),
                            ReleaseReason.ORDER_LIFTED,
                            "B",
                            SUPERVISOR))
                    .expectEvents(new AssetsReleased(
                            CASE,
                            holdings("BTC", "39.5", "USDT", "3050000"),
                            ReleaseReason.ORDER_LIFTED,
                            "B",
                            SUPERVISOR,
                            holdings()))
                    .expectState(state -> assertThat(state.status()).isEqualTo(CaseStatus.RELEASED));
        }

        @Test
        void withoutHoldingsEverythingStillFrozenIsReleased() {
            fixture.given(flagged(), warrantReceived(), freezeRequested(), assetsFrozen())
                    .when(new ReleaseAssets(CASE, null, ReleaseReason.FALSE_POSITIVE, "A", SUPERVISOR))
                    .expectEvents(new AssetsReleased(
                            CASE, REQUESTED, ReleaseReason.FALSE_POSITIVE, "A", SUPERVISOR, holdings()))
                    .expectState(state -> assertThat(state.status()).isEqualTo(CaseStatus.RELEASED));
        }

        @Test
        void noMoreThanIsFrozenCanBeReleased() {
            fixture.given(flagged(), warrantReceived(), freezeRequested(), assetsFrozen())
                    .when(new ReleaseAssets(CASE, holdings("BTC", "49.6"), ReleaseReason.ORDER_LIFTED, "A", SUPERVISOR))
                    .expectNoEvents()
                    .expectException(
                            rejectedBy(
                                    "cannotTakeMoreThanIsFrozen",
                                    "cannot release frozen assets: 49.6 BTC requested but only 49.5 BTC is frozen on case CASE-1"));
        }

        @Test
        void anAssetThatWasNeverFrozenCannotBeReleased() {
            fixture.given(flagged(), warrantReceived(), freezeRequested(), assetsFrozen())
                    .when(new ReleaseAssets(CASE, holdings("ETH", "1"), ReleaseReason.ORDER_LIFTED, "A", SUPERVISOR))
                    .expectNoEvents()
                    .expectException(rejectedBy("cannotTakeMoreThanIsFrozen", Kind.CONFLICT));
        }

        @Test
        void nothingCanBeReleasedBeforeAFreeze() {
            fixture.given(flagged(), warrantReceived(), freezeRequested())
                    .when(new ReleaseAssets(CASE, null, ReleaseReason.ORDER_LIFTED, "A", SUPERVISOR))
                    .expectNoEvents()
                    .expectException(rejectedBy(
                            "somethingMustBeFrozen", "nothing is frozen on case CASE-1; cannot release frozen assets"));
        }

        @Test
        void anOfficerMayNotRelease() {
            fixture.given(flagged(), warrantReceived(), freezeRequested(), assetsFrozen())
                    .when(new ReleaseAssets(CASE, null, ReleaseReason.ORDER_LIFTED, "A", OFFICER))
                    .expectNoEvents()
                    .expectException(
                            rejectedBy("roleMustPermit", "officer acts as OFFICER and may not release frozen assets"));
        }

        @Test
        void aReleasedCaseReleasesNothingMore() {
            fixture.given(
                            flagged(),
                            warrantReceived(),
                            freezeRequested(),
                            assetsFrozen(),
                            new AssetsReleased(
                                    CASE, REQUESTED, ReleaseReason.ORDER_LIFTED, "A", SUPERVISOR, holdings()))
                    .when(new ReleaseAssets(CASE, null, ReleaseReason.ORDER_LIFTED, "B", SUPERVISOR))
                    .expectNoEvents()
                    .expectException(rejectedBy("closedCaseTakesOnlyNotes", Kind.CONFLICT));
        }

        @Test
        void aPartialTurnOverKeepsTheCaseFrozen() {
            fixture.given(flagged(), warrantReceived(), freezeRequested(), assetsFrozen())
                    .when(new TurnOverAssets(
                            CASE, holdings("USDT", "3050000"), "USMS custody wallet", "forfeiture order 7", SUPERVISOR))
                    .expectEvents(new AssetsTurnedOver(
                            CASE,
                            holdings("USDT", "3050000"),
                            "USMS custody wallet",
                            "forfeiture order 7",
                            SUPERVISOR,
                            holdings("BTC", "49.5")))
                    .expectState(state -> assertThat(state.status()).isEqualTo(CaseStatus.FROZEN));
        }

        @Test
        void turningOverTheLastHoldingsTurnsTheCaseOver() {
            fixture.given(
                            flagged(),
                            warrantReceived(),
                            freezeRequested(),
                            assetsFrozen(),
                            new AssetsReleased(
                                    CASE,
                                    holdings("USDT", "3050000"),
                                    ReleaseReason.ORDER_LIFTED,
                                    "A",
                                    SUPERVISOR,
                                    holdings("BTC", "49.5")))
                    .when(new TurnOverAssets(CASE, null, "USMS custody wallet", "forfeiture order 7", SUPERVISOR))
                    .expectEvents(new AssetsTurnedOver(
                            CASE,
                            holdings("BTC", "49.5"),
                            "USMS custody wallet",
                            "forfeiture order 7",
                            SUPERVISOR,
                            holdings()))
                    .expectState(state -> assertThat(state.status()).isEqualTo(CaseStatus.TURNED_OVER));
        }

        @Test
        void releasingTheLastHoldingsAfterATurnOverReleasesTheCase() {
            fixture.given(
                            flagged(),
                            warrantReceived(),
                            freezeRequested(),
                            assetsFrozen(),
                            new AssetsTurnedOver(
                                    CASE,
                                    holdings("USDT", "3050000"),
                                    "USMS",
                                    "F-7",
                                    SUPERVISOR,
                                    holdings("BTC", "49.5")))
                    .when(new ReleaseAssets(CASE, null, ReleaseReason.ORDER_LIFTED, "A", SUPERVISOR))
                    .expectEvents(new AssetsReleased(
                            CASE, holdings("BTC", "49.5"), ReleaseReason.ORDER_LIFTED, "A", SUPERVISOR, holdings()))
                    .expectState(state -> assertThat(state.status()).isEqualTo(CaseStatus.RELEASED));
        }

        @Test
        void noMoreThanIsFrozenCanBeTurnedOver() {
            fixture.given(flagged(), warrantReceived(), freezeRequested(), assetsFrozen())
                    .when(new TurnOverAssets(CASE, holdings("USDT", "4000000"), "USMS", "F-7", SUPERVISOR))
                    .expectNoEvents()
                    .expectException(
                            rejectedBy(
                                    "cannotTakeMoreThanIsFrozen",
                                    "cannot turn over frozen assets: 4000000 USDT requested but only 3050000.00 USDT is frozen on case CASE-1"));
        }

        @Test
        void anOfficerMayNotTurnOver() {
            fixture.given(flagged(), warrantReceived(), freezeRequested(), assetsFrozen())
                    .when(new TurnOverAssets(CASE, null, "USMS", "F-7", OFFICER))
                    .expectNoEvents()
                    .expectException(rejectedBy("roleMustPermit", Kind.NOT_PERMITTED));
        }

        @Test
        void releasedAssetsFreeRoomUnderTheWarrantsMaximum() {
            fixture.given(
                            flagged(),
                            warrantReceived(),
                            freezeRequested(),
                            assetsFrozen(),
                            new AssetsReleased(
                                    CASE,
                                    holdings("USDT", "1000000"),
                                    ReleaseReason.ORDER_LIFTED,
                                    "A",
                                    SUPERVISOR,
                                    holdings("USDT", "2050000.00", "BTC", "49.5")))
                    .andGivenCurrentTime(DURING_WARRANT)
                    .when(new RequestFreeze(CASE, R2, W1, holdings("USDT", "1000000"), OFFICER))
                    .expectEvents(new FreezeRequested(CASE, R2, W1, holdings("USDT", "1000000"), OFFICER));
        }
    }

    @Nested
    class OptimisticConcurrency {

        @Test
        void aCommandForTheCurrentVersionApplies() {
            fixture.given(flagged(), warrantReceived())
                    .when(new AddNote(CASE, "checked", OFFICER, 1L))
                    .expectEvents(new NoteAdded(CASE, "checked", OFFICER))
                    .expectResultMessagePayload(new CaseVersion(CASE, 2));
        }

        @Test
        void aCommandForAnOlderVersionIsRefused() {
            fixture.given(flagged(), warrantReceived())
                    .when(new AddNote(CASE, "stale", OFFICER, 0L))
                    .expectNoEvents()
                    .expectException(rejectedBy(
                            "commandMustTargetCurrentVersion",
                            "case CASE-1 is at version 1, not 0 as expected; read it again before deciding"));
        }

        @Test
        void aCommandForAVersionNotYetReachedIsRefused() {
            fixture.given(flagged())
                    .when(new RecordWarrant(CASE, warrant(W1), OFFICER, 7L))
                    .expectNoEvents()
                    .expectException(rejectedBy("commandMustTargetCurrentVersion", Kind.STALE_VERSION));
        }
    }

    @Nested
    class DismissalAndNotes {

        @Test
        void aCaseWithNothingFrozenIsDismissed() {
            fixture.given(flagged(), warrantReceived())
                    .when(new DismissCase(CASE, "false positive: different person", OFFICER))
                    .expectEvents(new CaseDismissed(CASE, "false positive: different person", OFFICER))
                    .expectState(state -> assertThat(state.status()).isEqualTo(CaseStatus.DISMISSED));
        }

        @Test
        void aCaseHoldingFrozenAssetsCannotBeDismissed() {
            fixture.given(flagged(), warrantReceived(), freezeRequested(), assetsFrozen())
                    .when(new DismissCase(CASE, "oops", SUPERVISOR))
                    .expectNoEvents()
                    .expectException(
                            rejectedBy(
                                    "dismissalOnlyWhileNothingIsFrozen",
                                    "case CASE-1 still holds 49.5 BTC, 3050000.00 USDT frozen; release or turn it over before dismissing"));
        }

        @Test
        void aDismissedCaseCannotBeDismissedAgain() {
            fixture.given(flagged(), new CaseDismissed(CASE, "false positive", OFFICER))
                    .when(new DismissCase(CASE, "again", OFFICER))
                    .expectNoEvents()
                    .expectException(rejectedBy("closedCaseTakesOnlyNotes", Kind.CONFLICT));
        }

        @Test
        void aLiaisonMayNotDismiss() {
            fixture.given(new AccountFlagged(
                            CASE, ACCOUNT, SUBJECT, FlagReason.lawEnforcementRequest(FBI, null), EVIDENCE, LIAISON_FBI))
                    .when(new DismissCase(CASE, "no", LIAISON_FBI))
                    .expectNoEvents()
                    .expectException(rejectedBy("roleMustPermit", Kind.NOT_PERMITTED));
        }

        @Test
        void aClosedCaseStillTakesNotes() {
            fixture.given(flagged(), new CaseDismissed(CASE, "false positive", OFFICER))
                    .when(new AddNote(CASE, "customer informed", OFFICER2))
                    .expectEvents(new NoteAdded(CASE, "customer informed", OFFICER2))
                    .expectResultMessagePayload(new CaseVersion(CASE, 2));
        }

        @Test
        void anAuditorWritesNoNotes() {
            fixture.given(flagged())
                    .when(new AddNote(CASE, "looks fine", AUDITOR))
                    .expectNoEvents()
                    .expectException(rejectedBy("roleMustPermit", Kind.NOT_PERMITTED));
        }
    }
}

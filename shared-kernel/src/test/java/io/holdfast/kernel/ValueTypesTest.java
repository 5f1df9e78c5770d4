package io.holdfast.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    private static final Instant ISSUED = Instant.parse("2023-05-24T15:00:00Z");
    private static final Sha256 DOC = Sha256.of("c".repeat(64));

    @Test
    void anAssetAmountIsAPositiveExactDecimalOfAnUpperCaseAsset() {
        AssetAmount amount = AssetAmount.of("USDT", "3050000.00");
        assertThat(amount.amount()).isEqualByComparingTo("3050000");
        assertThat(amount.amount().scale()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "0", "0.000"})
    void aNegativeOrZeroAmountIsRejectedNamingTheField(String amount) {
        assertThatThrownBy(() -> AssetAmount.of("BTC", amount))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("amount");
                    assertThat(e.rule()).isEqualTo("must be greater than zero");
                });
    }

    @Test
    void aHugeOrOverPreciseAmountIsRejected() {
        assertThatThrownBy(() -> new AssetAmount("BTC", new BigDecimal("1e999999")))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThatThrownBy(() -> AssetAmount.of("BTC", "0.0000000000000000001"))
                .hasMessage("amount: must have at most 18 decimal places");
    }

    @ParameterizedTest
    @ValueSource(strings = {"btc", "", "B", "US DT", "ÜSDT"})
    void aLowerCaseEmptyOrOddAssetCodeIsRejected(String asset) {
        assertThatThrownBy(() -> AssetAmount.of(asset, "1"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("asset"));
    }

    @Test
    void aMissingAssetCodeIsRejected() {
        assertThatThrownBy(() -> new AssetAmount(null, BigDecimal.ONE)).hasMessage("asset: is required");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "abc",
                "",
                "gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void aBadHashIsRejected(String hex) {
        assertThatThrownBy(() -> Sha256.of(hex)).hasMessage("sha256: must be 64 hexadecimal characters");
    }

    @Test
    void aHashIsKeptLowerCase() {
        assertThat(Sha256.of("AB".repeat(32)).hex()).isEqualTo("ab".repeat(32));
    }

    @Test
    void aWarrantMustExpireAfterItWasIssued() {
        assertThatThrownBy(() -> warrant(ISSUED, ISSUED.minusSeconds(1), List.of(ScopeItem.unlimited("BTC"))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("expiresAt");
                    assertThat(e.rule()).isEqualTo("must be after issuedAt");
                });
        assertThatThrownBy(() -> warrant(ISSUED, ISSUED, List.of(ScopeItem.unlimited("BTC"))))
                .hasMessage("expiresAt: must be after issuedAt");
    }

    @Test
    void aWarrantNeedsAScopeNamingEachAssetOnce() {
        assertThatThrownBy(() -> warrant(ISSUED, ISSUED.plusSeconds(60), List.of()))
                .hasMessage("scope: must not be empty");
        assertThatThrownBy(() -> warrant(
                        ISSUED,
                        ISSUED.plusSeconds(60),
                        List.of(ScopeItem.unlimited("BTC"), ScopeItem.upTo("BTC", "1"))))
                .hasMessage("scope: must name each asset once, but BTC appears twice");
    }

    @Test
    void aWarrantsScopeMaximumMustBePositive() {
        assertThatThrownBy(() -> ScopeItem.upTo("BTC", "-5")).hasMessage("scope.maxAmount: must be greater than zero");
    }

    @Test
    void aJurisdictionIsAnIso3166Code() {
        assertThatThrownBy(() -> new Warrant(
                        WarrantId.of("W"),
                        OrderType.FREEZE_ORDER,
                        "court",
                        AgencyCode.of("FBI"),
                        "District of Columbia",
                        "ref",
                        ISSUED,
                        ISSUED.plusSeconds(1),
                        List.of(ScopeItem.unlimited("BTC")),
                        DOC))
                .hasMessage("jurisdiction: must be an ISO 3166 code such as US or US-DC");
    }

    @Test
    void holdingsNameEachAssetOnceAndAddAndSubtractExactly() {
        Holdings frozen = Holdings.of(AssetAmount.of("USDT", "3050000.00"), AssetAmount.of("BTC", "49.5"));
        assertThat(frozen.items()).extracting(AssetAmount::asset).containsExactly("BTC", "USDT");
        Holdings rest = frozen.minus(Holdings.of(AssetAmount.of("BTC", "49.5"), AssetAmount.of("USDT", "0.01")));
        assertThat(rest.items()).containsExactly(new AssetAmount("USDT", new BigDecimal("3049999.99")));
        assertThat(frozen.covers(Holdings.of(AssetAmount.of("BTC", "49.51")))).isFalse();
        assertThatThrownBy(() -> Holdings.of(AssetAmount.of("BTC", "1"), AssetAmount.of("BTC", "2")))
                .hasMessage("holdings: must name each asset once, but BTC appears twice");
    }

    @Test
    void identifiersRefuseCharactersThatDoNotBelongInAUrl() {
        assertThatThrownBy(() -> CaseId.of("../etc/passwd"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("caseId: ");
        assertThatThrownBy(() -> CaseId.of("")).hasMessageStartingWith("caseId: ");
        assertThat(CaseId.of("CASE-2023.05:1").toString()).isEqualTo("CASE-2023.05:1");
    }

    @Test
    void agencyCodesAreUpperCase() {
        assertThatThrownBy(() -> AgencyCode.of("fbi")).hasMessageStartingWith("agency: ");
    }

    @Test
    void aLiaisonActsForAnAgency() {
        assertThatThrownBy(() -> new Actor("liaison", Role.LIAISON, null))
                .hasMessage("actor.agency: is required for a liaison");
    }

    @Test
    void aReasonSaysWhatItNeeds() {
        assertThatThrownBy(() -> new FlagReason(FlagReasonType.SANCTIONS_MATCH, null, "SDN-1", null, null))
                .hasMessage("reason.list: is required");
        assertThatThrownBy(() -> new FlagReason(FlagReasonType.LAW_ENFORCEMENT_REQUEST, null, null, null, null))
                .hasMessage("reason.agency: is required for a law-enforcement request");
    }

    @Test
    void textRefusesControlCharacters() {
        assertThatThrownBy(() -> new Evidence("report\u0000", DOC))
                .hasMessage("evidence.description: must not contain control characters");
    }

    private static Warrant warrant(Instant issuedAt, Instant expiresAt, List<ScopeItem> scope) {
        return new Warrant(
                WarrantId.of("W-1"),
                OrderType.SEIZURE_WARRANT,
                "court",
                AgencyCode.of("FBI"),
                "US-DC",
                "23-SW-0412",
                issuedAt,
                expiresAt,
                scope,
                DOC);
    }
}

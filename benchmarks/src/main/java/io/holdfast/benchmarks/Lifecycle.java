package io.holdfast.benchmarks;

import io.holdfast.benchmarks.faults.HistoryChecker;
import java.util.List;

/** A case's whole lifecycle as a portal sends it: flag, warrant, freeze request, approval, two releases. */
final class Lifecycle {

    /** One write: what it is, where it goes, who sends it, and its body. */
    record Step(String kind, String path, String token, String body) {}

    private static final String SHA = "a".repeat(64);

    private Lifecycle() {}

    static List<Step> steps(String caseId, Tokens tokens) {
        String cases = "/api/cases/" + caseId;
        return List.of(
                flag(caseId, tokens),
                warrant("warrant", caseId, tokens, java.time.Instant.parse("2031-01-01T00:00:00Z")),
                new Step(
                        "freeze-request",
                        cases + "/freeze-requests",
                        tokens.officer,
                        "{\"requestId\":\"R-1\",\"warrantId\":\"W-1\",\"holdings\":[{\"asset\":\"BTC\",\"amount\":\"5\"}]}"),
                new Step("approval", cases + "/freeze-requests/R-1/approval", tokens.supervisor, "{}"),
                new Step(
                        "partial-release",
                        cases + "/releases",
                        tokens.supervisor,
                        "{\"holdings\":[{\"asset\":\"BTC\",\"amount\":\"2\"}],\"reason\":\"ORDER_LIFTED\",\"authorityReference\":\"A\"}"),
                new Step(
                        "release",
                        cases + "/releases",
                        tokens.supervisor,
                        "{\"reason\":\"ORDER_LIFTED\",\"authorityReference\":\"B\"}"));
    }

    /** A case flagged and given a warrant that expires at {@code expiresAt}: its deadlines fire then. */
    static List<Step> expiringWarrant(String caseId, Tokens tokens, java.time.Instant expiresAt) {
        return List.of(flag(caseId, tokens), warrant(HistoryChecker.EXPIRING_WARRANT, caseId, tokens, expiresAt));
    }

    private static Step flag(String caseId, Tokens tokens) {
        return new Step("flag", "/api/cases", tokens.officer, """
                {"caseId":"%s","accountId":"ACC-%s","subject":{"holderName":"Kim Sang Man","walletAddresses":[]},
                 "reason":{"type":"SANCTIONS_MATCH","list":"OFAC-SDN","listEntryId":"SDN-1","details":"wallet match"},
                 "evidence":[{"description":"screening hit report","sha256":"%s"}]}""".formatted(caseId, caseId, SHA));
    }

    private static Step warrant(String kind, String caseId, Tokens tokens, java.time.Instant expiresAt) {
        return new Step(kind, "/api/cases/" + caseId + "/warrants", tokens.officer, """
                {"warrantId":"W-1","orderType":"SEIZURE_WARRANT","issuingAuthority":"U.S. District Court","requestingAgency":"FBI",
                 "jurisdiction":"US-DC","referenceNumber":"23-SW-1","issuedAt":"2026-01-01T00:00:00Z","expiresAt":"%s",
                 "scope":[{"asset":"BTC"}],"documentSha256":"%s"}""".formatted(expiresAt, SHA));
    }
}

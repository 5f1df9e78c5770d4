package io.holdfast.command.freezecase.http;

import static io.holdfast.command.freezecase.http.Decimals.PLAIN_DECIMAL;
import static io.holdfast.command.freezecase.http.Decimals.PLAIN_DECIMAL_RULE;

import io.holdfast.command.http.Fields;
import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.AgencyCode;
import io.holdfast.kernel.AssetAmount;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.Evidence;
import io.holdfast.kernel.FlagReason;
import io.holdfast.kernel.FlagReasonType;
import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.OrderType;
import io.holdfast.kernel.ReleaseReason;
import io.holdfast.kernel.ScopeItem;
import io.holdfast.kernel.Sha256;
import io.holdfast.kernel.Subject;
import io.holdfast.kernel.Warrant;
import io.holdfast.kernel.WarrantId;
import io.holdfast.kernel.freezecase.AddNote;
import io.holdfast.kernel.freezecase.ApproveFreeze;
import io.holdfast.kernel.freezecase.DismissCase;
import io.holdfast.kernel.freezecase.ExtendWarrant;
import io.holdfast.kernel.freezecase.FileBlockingReport;
import io.holdfast.kernel.freezecase.FlagAccount;
import io.holdfast.kernel.freezecase.RecordWarrant;
import io.holdfast.kernel.freezecase.RejectFreezeRequest;
import io.holdfast.kernel.freezecase.ReleaseAssets;
import io.holdfast.kernel.freezecase.RequestFreeze;
import io.holdfast.kernel.freezecase.TurnOverAssets;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The request bodies of docs/API.md's writes, and how each becomes a command. */
final class CaseRequests {

    private CaseRequests() {}

    record FlagAccountBody(
            @Size(max = 64) String caseId,
            @NotBlank @Size(max = 64) String accountId,
            @NotNull @Valid SubjectBody subject,
            @NotNull @Valid ReasonBody reason,
            @Size(max = 100) List<@NotNull @Valid EvidenceBody> evidence) {

        FlagAccount toCommand(CaseId id, Actor actor) {
            List<Evidence> evidenceList = new ArrayList<>();
            List<EvidenceBody> given = evidence == null ? List.of() : evidence;
            for (int i = 0; i < given.size(); i++) {
                EvidenceBody item = given.get(i);
                evidenceList.add(Fields.within(
                        "evidence[" + i + "]", () -> new Evidence(item.description(), Sha256.of(item.sha256()))));
            }
            return new FlagAccount(
                    id,
                    Fields.named("accountId", () -> AccountId.of(accountId)),
                    subject.toSubject(),
                    reason.toReason(),
                    evidenceList,
                    actor);
        }
    }

    record SubjectBody(
            @NotBlank @Size(max = 300) String holderName,
            @Size(max = 1000) List<@NotBlank @Size(max = 200) String> walletAddresses) {
        Subject toSubject() {
            return new Subject(holderName, walletAddresses);
        }
    }

    record ReasonBody(
            @NotNull FlagReasonType type,
            @Size(max = 100) String list,
            @Size(max = 100) String listEntryId,
            @Size(max = 32) String agency,
            @Size(max = 2000) String details) {
        FlagReason toReason() {
            AgencyCode agencyCode = agency == null ? null : Fields.within("reason", () -> AgencyCode.of(agency));
            return new FlagReason(type, list, listEntryId, agencyCode, details);
        }
    }

    record EvidenceBody(
            @NotBlank @Size(max = 1000) String description,
            @NotNull String sha256) {}

    record RecordWarrantBody(
            @Size(max = 64) String warrantId,
            @NotNull OrderType orderType,
            @NotBlank @Size(max = 300) String issuingAuthority,
            @NotBlank @Size(max = 32) String requestingAgency,
            @NotBlank String jurisdiction,
            @NotBlank @Size(max = 100) String referenceNumber,
            @NotNull Instant issuedAt,
            @NotNull Instant expiresAt,
            @NotEmpty @Size(max = 100) List<@NotNull @Valid ScopeBody> scope,
            @NotNull String documentSha256) {

        RecordWarrant toCommand(CaseId caseId, WarrantId id, Actor actor, Long expectedVersion) {
            List<ScopeItem> items = new ArrayList<>();
            for (int i = 0; i < scope.size(); i++) {
                ScopeBody item = scope.get(i);
                items.add(Fields.within(
                        "scope[" + i + "]",
                        () -> new ScopeItem(
                                item.asset(), item.maxAmount() == null ? null : new BigDecimal(item.maxAmount()))));
            }
            AgencyCode agency = Fields.named("requestingAgency", () -> AgencyCode.of(requestingAgency));
            Sha256 document = Fields.named("documentSha256", () -> Sha256.of(documentSha256));
            Warrant warrant = new Warrant(
                    id,
                    orderType,
                    issuingAuthority,
                    agency,
                    jurisdiction,
                    referenceNumber,
                    issuedAt,
                    expiresAt,
                    items,
                    document);
            return new RecordWarrant(caseId, warrant, actor, expectedVersion);
        }
    }

    record ScopeBody(
            @NotBlank String asset,

            @Pattern(regexp = PLAIN_DECIMAL, message = PLAIN_DECIMAL_RULE)
            String maxAmount) {}

    record HoldingBody(
            @NotBlank String asset,

            @NotNull @Pattern(regexp = PLAIN_DECIMAL, message = PLAIN_DECIMAL_RULE)
            String amount) {}

    static Holdings toHoldings(List<HoldingBody> bodies) {
        List<AssetAmount> items = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            HoldingBody body = bodies.get(i);
            items.add(Fields.within(
                    "holdings[" + i + "]", () -> new AssetAmount(body.asset(), new BigDecimal(body.amount()))));
        }
        return Holdings.of(items);
    }

    record RequestFreezeBody(
            @Size(max = 64) String requestId,
            @NotBlank @Size(max = 64) String warrantId,
            @NotEmpty @Size(max = 100) List<@NotNull @Valid HoldingBody> holdings) {

        RequestFreeze toCommand(CaseId caseId, FreezeRequestId id, Actor actor, Long expectedVersion) {
            return new RequestFreeze(
                    caseId,
                    id,
                    Fields.named("warrantId", () -> WarrantId.of(warrantId)),
                    toHoldings(holdings),
                    actor,
                    expectedVersion);
        }
    }

    record ApprovalBody(@Size(max = 2000) String comment) {
        ApproveFreeze toCommand(CaseId caseId, FreezeRequestId requestId, Actor actor, Long expectedVersion) {
            return new ApproveFreeze(caseId, requestId, comment, actor, expectedVersion);
        }
    }

    record RejectionBody(@NotBlank @Size(max = 2000) String reason) {
        RejectFreezeRequest toCommand(CaseId caseId, FreezeRequestId requestId, Actor actor, Long expectedVersion) {
            return new RejectFreezeRequest(caseId, requestId, reason, actor, expectedVersion);
        }
    }

    record ReleaseBody(
            @Size(min = 1, max = 100) List<@NotNull @Valid HoldingBody> holdings,
            @NotNull ReleaseReason reason,
            @NotBlank @Size(max = 200) String authorityReference) {
        ReleaseAssets toCommand(CaseId caseId, Actor actor, Long expectedVersion) {
            return new ReleaseAssets(
                    caseId,
                    holdings == null ? null : toHoldings(holdings),
                    reason,
                    authorityReference,
                    actor,
                    expectedVersion);
        }
    }

    record TurnOverBody(
            @Size(min = 1, max = 100) List<@NotNull @Valid HoldingBody> holdings,
            @NotBlank @Size(max = 500) String destination,
            @NotBlank @Size(max = 200) String authorityReference) {
        TurnOverAssets toCommand(CaseId caseId, Actor actor, Long expectedVersion) {
            return new TurnOverAssets(
                    caseId,
                    holdings == null ? null : toHoldings(holdings),
                    destination,
                    authorityReference,
                    actor,
                    expectedVersion);
        }
    }

    record DismissalBody(@NotBlank @Size(max = 2000) String reason) {
        DismissCase toCommand(CaseId caseId, Actor actor, Long expectedVersion) {
            return new DismissCase(caseId, reason, actor, expectedVersion);
        }
    }

    record WarrantExtensionBody(
            @NotNull Instant newExpiresAt,
            @NotBlank @Size(max = 200) String authorityReference,
            @NotNull String documentSha256) {
        ExtendWarrant toCommand(CaseId caseId, WarrantId warrantId, Actor actor, Long expectedVersion) {
            Sha256 document = Fields.named("documentSha256", () -> Sha256.of(documentSha256));
            return new ExtendWarrant(
                    caseId, warrantId, newExpiresAt, authorityReference, document, actor, expectedVersion);
        }
    }

    record BlockingReportBody(
            @NotBlank @Size(max = 200) String reportReference,
            @NotNull Instant filedAt) {
        FileBlockingReport toCommand(CaseId caseId, FreezeRequestId obligationId, Actor actor, Long expectedVersion) {
            return new FileBlockingReport(caseId, obligationId, reportReference, filedAt, actor, expectedVersion);
        }
    }

    record NoteBody(@NotBlank @Size(max = 10_000) String text) {
        AddNote toCommand(CaseId caseId, Actor actor, Long expectedVersion) {
            return new AddNote(caseId, text, actor, expectedVersion);
        }
    }
}

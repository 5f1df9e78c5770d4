package io.holdfast.command.freezecase.http;

import io.holdfast.command.freezecase.http.CaseRequests.ApprovalBody;
import io.holdfast.command.freezecase.http.CaseRequests.DismissalBody;
import io.holdfast.command.freezecase.http.CaseRequests.FlagAccountBody;
import io.holdfast.command.freezecase.http.CaseRequests.NoteBody;
import io.holdfast.command.freezecase.http.CaseRequests.RecordWarrantBody;
import io.holdfast.command.freezecase.http.CaseRequests.RejectionBody;
import io.holdfast.command.freezecase.http.CaseRequests.ReleaseBody;
import io.holdfast.command.freezecase.http.CaseRequests.RequestFreezeBody;
import io.holdfast.command.freezecase.http.CaseRequests.TurnOverBody;
import io.holdfast.command.http.Fields;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.FreezeRequestId;
import io.holdfast.kernel.WarrantId;
import io.holdfast.kernel.freezecase.CaseVersion;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The writes of docs/API.md: each request becomes one command to the case, sent through the command
 * gateway; the answer carries the case's new version as ETag. The caller ({@link Actor}) comes
 * from the authenticated request.
 */
@RestController
@RequestMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
class CaseCommandController {

    private static final String IF_MATCH = "If-Match";

    private final CommandGateway commands;

    CaseCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @ApiResponse(
            responseCode = "201",
            description = "the case was flagged; its address is in Location",
            useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<WriteAnswer> flag(@Valid @RequestBody FlagAccountBody body, Actor actor) {
        CaseId caseId =
                body.caseId() == null ? CaseId.generate() : Fields.named("caseId", () -> CaseId.of(body.caseId()));
        CaseVersion version = send(body.toCommand(caseId, actor));
        return ResponseEntity.created(URI.create("/api/cases/" + caseId.value()))
                .eTag(etag(version))
                .body(WriteAnswer.of(version));
    }

    @ApiResponse(responseCode = "201", description = "the warrant was recorded", useReturnTypeSchema = true)
    @PostMapping("/{caseId}/warrants")
    ResponseEntity<WriteAnswer> recordWarrant(
            @PathVariable String caseId,
            @Valid @RequestBody RecordWarrantBody body,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            Actor actor) {
        CaseId id = caseId(caseId);
        WarrantId warrantId = body.warrantId() == null
                ? WarrantId.generate()
                : Fields.named("warrantId", () -> WarrantId.of(body.warrantId()));
        CaseVersion version = send(body.toCommand(id, warrantId, actor, ExpectedVersion.from(ifMatch)));
        return answer(HttpStatus.CREATED, version, WriteAnswer.ofWarrant(version, warrantId.value()));
    }

    @ApiResponse(responseCode = "200", description = "the extension was recorded", useReturnTypeSchema = true)
    @PostMapping("/{caseId}/warrants/{warrantId}/extension")
    ResponseEntity<WriteAnswer> extendWarrant(
            @PathVariable String caseId,
            @PathVariable String warrantId,
            @Valid @RequestBody CaseRequests.WarrantExtensionBody body,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            Actor actor) {
        WarrantId id = Fields.named("warrantId", () -> WarrantId.of(warrantId));
        CaseVersion version = send(body.toCommand(caseId(caseId), id, actor, ExpectedVersion.from(ifMatch)));
        return answer(HttpStatus.OK, version, WriteAnswer.ofWarrant(version, id.value()));
    }

    @ApiResponse(
            responseCode = "201",
            description = "the blocking report was recorded as filed",
            useReturnTypeSchema = true)
    @PostMapping("/{caseId}/obligations/{obligationId}/report")
    ResponseEntity<WriteAnswer> fileBlockingReport(
            @PathVariable String caseId,
            @PathVariable String obligationId,
            @Valid @RequestBody CaseRequests.BlockingReportBody body,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            Actor actor) {
        FreezeRequestId id = Fields.named("obligationId", () -> FreezeRequestId.of(obligationId));
        CaseVersion version = send(body.toCommand(caseId(caseId), id, actor, ExpectedVersion.from(ifMatch)));
        return answer(HttpStatus.CREATED, version, WriteAnswer.of(version));
    }

    @ApiResponse(responseCode = "201", description = "the freeze was requested", useReturnTypeSchema = true)
    @PostMapping("/{caseId}/freeze-requests")
    ResponseEntity<WriteAnswer> requestFreeze(
            @PathVariable String caseId,
            @Valid @RequestBody RequestFreezeBody body,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            Actor actor) {
        CaseId id = caseId(caseId);
        FreezeRequestId requestId = body.requestId() == null
                ? FreezeRequestId.generate()
                : Fields.named("requestId", () -> FreezeRequestId.of(body.requestId()));
        CaseVersion version = send(body.toCommand(id, requestId, actor, ExpectedVersion.from(ifMatch)));
        return answer(HttpStatus.CREATED, version, WriteAnswer.ofRequest(version, requestId.value()));
    }

    @ApiResponse(
            responseCode = "200",
            description = "the freeze was approved and the assets frozen",
            useReturnTypeSchema = true)
    @PostMapping("/{caseId}/freeze-requests/{requestId}/approval")
    ResponseEntity<WriteAnswer> approve(
            @PathVariable String caseId,
            @PathVariable String requestId,
            @Valid @RequestBody(required = false) ApprovalBody body,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            Actor actor) {
        ApprovalBody approval = body == null ? new ApprovalBody(null) : body;
        CaseVersion version =
                send(approval.toCommand(caseId(caseId), requestId(requestId), actor, ExpectedVersion.from(ifMatch)));
        return answer(HttpStatus.OK, version, WriteAnswer.of(version));
    }

    @ApiResponse(responseCode = "200", description = "the freeze request was rejected", useReturnTypeSchema = true)
    @PostMapping("/{caseId}/freeze-requests/{requestId}/rejection")
    ResponseEntity<WriteAnswer> reject(
            @PathVariable String caseId,
            @PathVariable String requestId,
            @Valid @RequestBody RejectionBody body,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            Actor actor) {
        CaseVersion version =
                send(body.toCommand(caseId(caseId), requestId(requestId), actor, ExpectedVersion.from(ifMatch)));
        return answer(HttpStatus.OK, version, WriteAnswer.of(version));
    }

    @ApiResponse(responseCode = "201", description = "the release was recorded", useReturnTypeSchema = true)
    @PostMapping("/{caseId}/releases")
    ResponseEntity<WriteAnswer> release(
            @PathVariable String caseId,
            @Valid @RequestBody ReleaseBody body,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            Actor actor) {
        CaseVersion version = send(body.toCommand(caseId(caseId), actor, ExpectedVersion.from(ifMatch)));
        return answer(HttpStatus.CREATED, version, WriteAnswer.of(version));
    }

    @ApiResponse(responseCode = "201", description = "the turn-over was recorded", useReturnTypeSchema = true)
    @PostMapping("/{caseId}/turnovers")
    ResponseEntity<WriteAnswer> turnOver(
            @PathVariable String caseId,
            @Valid @RequestBody TurnOverBody body,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            Actor actor) {
        CaseVersion version = send(body.toCommand(caseId(caseId), actor, ExpectedVersion.from(ifMatch)));
        return answer(HttpStatus.CREATED, version, WriteAnswer.of(version));
    }

    @ApiResponse(responseCode = "200", description = "the case was dismissed", useReturnTypeSchema = true)
    @PostMapping("/{caseId}/dismissal")
    ResponseEntity<WriteAnswer> dismiss(
            @PathVariable String caseId,
            @Valid @RequestBody DismissalBody body,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            Actor actor) {
        CaseVersion version = send(body.toCommand(caseId(caseId), actor, ExpectedVersion.from(ifMatch)));
        return answer(HttpStatus.OK, version, WriteAnswer.of(version));
    }

    @ApiResponse(responseCode = "201", description = "the note was recorded", useReturnTypeSchema = true)
    @PostMapping("/{caseId}/notes")
    ResponseEntity<WriteAnswer> addNote(
            @PathVariable String caseId,
            @Valid @RequestBody NoteBody body,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            Actor actor) {
        CaseVersion version = send(body.toCommand(caseId(caseId), actor, ExpectedVersion.from(ifMatch)));
        return answer(HttpStatus.CREATED, version, WriteAnswer.of(version));
    }

    private static CaseId caseId(String path) {
        return Fields.named("caseId", () -> CaseId.of(path));
    }

    private static FreezeRequestId requestId(String path) {
        return Fields.named("requestId", () -> FreezeRequestId.of(path));
    }

    private CaseVersion send(Object command) {
        return commands.sendAndWait(command);
    }

    private static ResponseEntity<WriteAnswer> answer(HttpStatus status, CaseVersion version, WriteAnswer body) {
        return ResponseEntity.status(status).eTag(etag(version)).body(body);
    }

    private static String etag(CaseVersion version) {
        return "\"" + version.version() + "\"";
    }
}

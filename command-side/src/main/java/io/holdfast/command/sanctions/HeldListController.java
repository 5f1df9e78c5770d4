package io.holdfast.command.sanctions;

import io.holdfast.command.http.Fields;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.Sha256;
import io.holdfast.kernel.sanctions.ConfirmHeldSanctionsList;
import io.holdfast.kernel.sanctions.SanctionsListId;
import io.holdfast.kernel.sanctions.SanctionsListVersion;
import io.holdfast.kernel.sanctions.WithdrawHeldSanctionsList;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A second person's decision on a list file held because it would remove too much of the current
 * version: confirmed, it becomes the next version; withdrawn, the list stays as it is. The file is
 * named by its SHA-256, so the decision is on the file the person reviewed.
 */
@RestController
@RequestMapping(path = "/api/sanctions/lists/{list}/held", produces = MediaType.APPLICATION_JSON_VALUE)
class HeldListController {

    private final CommandGateway commands;

    HeldListController(CommandGateway commands) {
        this.commands = commands;
    }

    record HeldFileBody(@NotNull String sha256) {
        Sha256 digest() {
            return Fields.named("sha256", () -> Sha256.of(sha256));
        }
    }

    record Decision(String list, long version, boolean recorded) {
        static Decision of(SanctionsListVersion version) {
            return new Decision(version.listId(), version.version(), version.recorded());
        }
    }

    @ApiResponse(
            responseCode = "201",
            description = "the held file became the list's next version",
            useReturnTypeSchema = true)
    @PostMapping(path = "/confirmation", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Decision> confirm(@PathVariable String list, @Valid @RequestBody HeldFileBody body, Actor actor) {
        SanctionsListVersion version =
                commands.sendAndWait(new ConfirmHeldSanctionsList(new SanctionsListId(list), body.digest(), actor));
        return ResponseEntity.created(
                        URI.create("/api/sanctions/lists/" + version.listId() + "/versions/" + version.version()))
                .body(Decision.of(version));
    }

    @ApiResponse(
            responseCode = "200",
            description = "the held file was withdrawn; the list keeps its version",
            useReturnTypeSchema = true)
    @PostMapping(path = "/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Decision> withdraw(@PathVariable String list, @Valid @RequestBody HeldFileBody body, Actor actor) {
        SanctionsListVersion version =
                commands.sendAndWait(new WithdrawHeldSanctionsList(new SanctionsListId(list), body.digest(), actor));
        return ResponseEntity.ok(Decision.of(version));
    }
}

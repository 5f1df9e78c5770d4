package io.holdfast.app.backup;

import io.holdfast.app.backup.EmbeddedBackups.Backup;
import io.holdfast.app.problem.Problems;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Online backups of the embedded default for administrators: take one, list them, download one.
 * On PostgreSQL the database's own tools back it up (docs/operations.md, What to back up), and a request here
 * says so.
 */
@RestController
@RequestMapping("/api/admin/backups")
class BackupController {

    private final EmbeddedBackups backups;

    BackupController(EmbeddedBackups backups) {
        this.backups = backups;
    }

    record Backups(List<Backup> backups) {}

    @ApiResponse(
            responseCode = "201",
            description = "the backup was taken; its address is in Location",
            content = @Content(schema = @Schema(implementation = Backup.class)))
    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> take() {
        if (!backups.embedded()) {
            return elsewhere();
        }
        Backup backup = backups.take();
        return ResponseEntity.created(URI.create("/api/admin/backups/" + backup.name()))
                .body(backup);
    }

    @ApiResponse(
            responseCode = "200",
            description = "every backup kept, newest first",
            content = @Content(schema = @Schema(implementation = Backups.class)))
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> list() {
        return backups.embedded() ? ResponseEntity.ok(new Backups(backups.list())) : elsewhere();
    }

    @ApiResponse(
            responseCode = "200",
            description = "the backup's zip",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @GetMapping(
            path = "/{name}",
            produces = {"application/zip", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<?> download(@PathVariable String name) {
        return backups.file(name)
                .<ResponseEntity<?>>map(file -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("application/zip"))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                        .body((Resource) new FileSystemResource(file)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(Problems.of(Problems.Type.NOT_FOUND, "there is no backup " + name)));
    }

    private static ResponseEntity<?> elsewhere() {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(
                        Problems.of(
                                Problems.Type.BACKUP_ELSEWHERE,
                                "Holdfast backs up only its embedded database;"
                                        + " back up PostgreSQL with its own tools (continuous archiving, or pg_dump --format=custom)"));
    }
}

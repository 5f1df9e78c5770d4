package io.holdfast.query.replay;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administration of the projections (ADMIN only): replays and parked events. */
@RestController
@RequestMapping(path = "/api/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class ProjectionAdminController {

    private final Projections projections;

    ProjectionAdminController(Projections projections) {
        this.projections = projections;
    }

    @ApiResponse(responseCode = "202", description = "the projection is being rebuilt", useReturnTypeSchema = true)
    @PostMapping("/replays/{processor}")
    ResponseEntity<ReplayStatus> replay(@PathVariable String processor) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(projections.replay(processor));
    }

    @GetMapping("/replays/{processor}")
    ReplayStatus status(@PathVariable String processor) {
        return projections.status(processor);
    }

    @GetMapping("/dead-letters")
    List<ParkedEvent> parked() {
        return projections.parked();
    }

    @PostMapping("/dead-letters/{processor}/retry")
    RetryOutcome retry(@PathVariable String processor) {
        return projections.retry(processor);
    }
}

package io.holdfast.command.screening;

import io.holdfast.kernel.NothingFound;
import io.holdfast.kernel.PageRequest;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Screening runs and the name matches they left for review. */
@RestController
@RequestMapping(path = "/api/screening", produces = MediaType.APPLICATION_JSON_VALUE)
class ScreeningController {

    private final ScreeningRuns runs;
    private final AddressRegistration registration;

    ScreeningController(ScreeningRuns runs, AddressRegistration registration) {
        this.runs = runs;
        this.registration = registration;
    }

    @GetMapping("/runs/{runId}")
    ScreeningRun run(@PathVariable String runId) {
        return runs.find(runId).orElseThrow(() -> new NothingFound("screening run " + runId + " was not found"));
    }

    /** Screens every known address against every list now, such as after a failed run. */
    @ApiResponse(
            responseCode = "202",
            description = "the screening run was queued; its address is in Location",
            useReturnTypeSchema = true)
    @PostMapping("/runs")
    ResponseEntity<ScreeningRun> requestRun() {
        String runId = registration.requestScreening();
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/screening/runs/" + runId))
                .body(runs.find(runId).orElseThrow());
    }

    record NameMatchPage(List<NameMatch> items, int page, int size, long total) {}

    /** Names that resemble listed names, closest first: for a person to review; never flagged by Holdfast. */
    @GetMapping("/name-matches")
    NameMatchPage nameMatches(
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        PageRequest asked = PageRequest.parse(page, size);
        return new NameMatchPage(
                runs.nameMatches(asked.size(), (int) asked.offset()),
                asked.page(),
                asked.size(),
                runs.nameMatchCount());
    }
}

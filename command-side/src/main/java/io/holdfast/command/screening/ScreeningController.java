package io.holdfast.command.screening;

import io.holdfast.kernel.NothingFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Screening runs and the name matches they left for review. */
@RestController
@RequestMapping(path = "/api/screening", produces = MediaType.APPLICATION_JSON_VALUE)
class ScreeningController {

    private static final int MAX_PAGE = 200;

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
    @PostMapping("/runs")
    ResponseEntity<ScreeningRun> requestRun() {
        String runId = registration.requestScreening();
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/screening/runs/" + runId))
                .body(runs.find(runId).orElseThrow());
    }

    record NameMatchPage(List<NameMatch> items, int limit, int offset) {
    }

    /** Names that resemble listed names, closest first: for a person to review; never flagged by Holdfast. */
    @GetMapping("/name-matches")
    NameMatchPage nameMatches(@RequestParam(defaultValue = "50") String limit, @RequestParam(defaultValue = "0") String offset) {
        int size = boundedInt("limit", limit, 1, MAX_PAGE);
        int from = boundedInt("offset", offset, 0, Integer.MAX_VALUE);
        return new NameMatchPage(runs.nameMatches(size, from), size, from);
    }

    private static int boundedInt(String field, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new io.holdfast.kernel.InvalidValueException(field, "must be a whole number from " + min + " to " + max);
    }
}

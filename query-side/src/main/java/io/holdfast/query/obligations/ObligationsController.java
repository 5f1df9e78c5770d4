package io.holdfast.query.obligations;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.caseview.ListObligations;
import io.holdfast.kernel.caseview.ObligationPage;
import io.holdfast.kernel.caseview.ObligationStatus;
import io.holdfast.query.http.Answered;
import io.holdfast.query.http.ReadParameters;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/obligations?status=OPEN|OVERDUE|FILED&dueBefore=}: the blocking reports owed. */
@RestController
class ObligationsController {

    private final QueryGateway queries;

    ObligationsController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping(path = "/api/obligations", produces = MediaType.APPLICATION_JSON_VALUE)
    ObligationPage list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String dueBefore,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Actor actor) {
        ListObligations query = new ListObligations(
                ReadParameters.oneOf("status", status, ObligationStatus.class),
                ReadParameters.instant("dueBefore", dueBefore),
                ReadParameters.page(page),
                ReadParameters.size(size),
                ReadParameters.confinedTo(actor));
        return Answered.now(queries.query(query, ResponseTypes.instanceOf(ObligationPage.class)));
    }
}

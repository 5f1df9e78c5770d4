package io.holdfast.query.warrants;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.caseview.ListWarrants;
import io.holdfast.kernel.caseview.WarrantPage;
import io.holdfast.query.http.Answered;
import io.holdfast.query.http.ReadParameters;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/warrants}: every warrant with its case, agency and expiry. */
@RestController
class WarrantRegistryController {

    private final QueryGateway queries;

    WarrantRegistryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping(path = "/api/warrants", produces = MediaType.APPLICATION_JSON_VALUE)
    WarrantPage list(
            @RequestParam(required = false) String expiringBefore,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Actor actor) {
        ListWarrants query = new ListWarrants(
                ReadParameters.instant("expiringBefore", expiringBefore),
                ReadParameters.agency("agency", agency),
                ReadParameters.page(page),
                ReadParameters.size(size),
                ReadParameters.confinedTo(actor));
        return Answered.now(queries.query(query, ResponseTypes.instanceOf(WarrantPage.class)));
    }
}

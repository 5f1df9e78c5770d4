package io.holdfast.query.casesummary;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseStatus;
import io.holdfast.kernel.caseview.CasePage;
import io.holdfast.kernel.caseview.ListCases;
import io.holdfast.kernel.freezecase.CaseAttention;
import io.holdfast.query.http.Answered;
import io.holdfast.query.http.ReadParameters;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/cases}: the case list, paged and filtered (by what cases need attention for too); a liaison sees only its agency's cases. */
@RestController
class CaseListController {

    private final QueryGateway queries;

    CaseListController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
    CasePage list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) String accountId,
            @RequestParam(required = false) String flaggedFrom,
            @RequestParam(required = false) String flaggedTo,
            @RequestParam(required = false) String attention,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Actor actor) {
        ListCases query = new ListCases(
                ReadParameters.oneOf("status", status, CaseStatus.class),
                ReadParameters.agency("agency", agency),
                ReadParameters.accountId("accountId", accountId),
                ReadParameters.instant("flaggedFrom", flaggedFrom),
                ReadParameters.instant("flaggedTo", flaggedTo),
                ReadParameters.page(page),
                ReadParameters.size(size),
                ReadParameters.confinedTo(actor),
                ReadParameters.oneOf("attention", attention, CaseAttention.Need.class));
        return Answered.now(queries.query(query, ResponseTypes.instanceOf(CasePage.class)));
    }
}

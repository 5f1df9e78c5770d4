package io.holdfast.query.holdings;

import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.caseview.AccountHoldings;
import io.holdfast.kernel.caseview.FindAccountHoldings;
import io.holdfast.query.http.Answered;
import io.holdfast.query.http.ReadParameters;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/accounts/{accountId}/holdings}: what is frozen on an account across its cases. */
@RestController
class AccountHoldingsController {

    private final QueryGateway queries;

    AccountHoldingsController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping(path = "/api/accounts/{accountId}/holdings", produces = MediaType.APPLICATION_JSON_VALUE)
    AccountHoldings holdings(@PathVariable String accountId, Actor actor) {
        AccountId account = ReadParameters.accountId(accountId);
        return Answered.now(queries.query(
                new FindAccountHoldings(account, ReadParameters.confinedTo(actor)),
                ResponseTypes.instanceOf(AccountHoldings.class)));
    }
}

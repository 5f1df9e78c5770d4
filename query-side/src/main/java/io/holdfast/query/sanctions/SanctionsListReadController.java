package io.holdfast.query.sanctions;

import io.holdfast.kernel.InvalidValueException;
import io.holdfast.kernel.NothingFound;
import io.holdfast.kernel.sanctions.FindEntriesByAddress;
import io.holdfast.kernel.sanctions.FindHeldListVersion;
import io.holdfast.kernel.sanctions.FindListVersion;
import io.holdfast.kernel.sanctions.HeldListVersion;
import io.holdfast.kernel.sanctions.ListSanctionsLists;
import io.holdfast.kernel.sanctions.ListVersionDifference;
import io.holdfast.kernel.sanctions.ListedEntries;
import io.holdfast.kernel.sanctions.SanctionsListId;
import io.holdfast.kernel.sanctions.SanctionsListsView;
import io.holdfast.kernel.sanctions.WalletAddress;
import io.holdfast.query.http.Answered;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The sanctions lists Holdfast was given: their versions, each version's difference, entries by address. */
@RestController
@RequestMapping(path = "/api/sanctions", produces = MediaType.APPLICATION_JSON_VALUE)
class SanctionsListReadController {

    private final QueryGateway queries;

    SanctionsListReadController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/lists")
    SanctionsListsView lists() {
        return Answered.now(
                queries.query(new ListSanctionsLists(), ResponseTypes.instanceOf(SanctionsListsView.class)));
    }

    @GetMapping("/lists/{list}/versions/{version}")
    ListVersionDifference version(@PathVariable String list, @PathVariable String version) {
        String name = new SanctionsListId(list).name();
        long number = versionNumber(version);
        ListVersionDifference found = Answered.now(queries.query(
                new FindListVersion(name, number), ResponseTypes.instanceOf(ListVersionDifference.class)));
        if (found == null) {
            throw new NothingFound("list " + name + " has no version " + number);
        }
        return found;
    }

    @GetMapping("/lists/{list}/held")
    HeldListVersion held(@PathVariable String list) {
        String name = new SanctionsListId(list).name();
        HeldListVersion found = Answered.now(
                queries.query(new FindHeldListVersion(name), ResponseTypes.instanceOf(HeldListVersion.class)));
        if (found == null) {
            throw new NothingFound("list " + name + " holds no file for confirmation");
        }
        return found;
    }

    @GetMapping("/entries")
    ListedEntries entries(@RequestParam(required = false) String address) {
        if (address == null) {
            throw new InvalidValueException("address", "is required");
        }
        String checked = WalletAddress.checkedAddress(address);
        return Answered.now(
                queries.query(new FindEntriesByAddress(checked), ResponseTypes.instanceOf(ListedEntries.class)));
    }

    private static long versionNumber(String value) {
        try {
            long number = Long.parseLong(value);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidValueException("version", "must be a whole number from 1");
    }
}

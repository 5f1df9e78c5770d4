package io.holdfast.command.screening;

import io.holdfast.command.http.Fields;
import io.holdfast.command.screening.KnownAddress.AddressKind;
import io.holdfast.command.screening.KnownAddresses.Registration;
import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.InvalidValueException;
import io.holdfast.kernel.NothingFound;
import io.holdfast.kernel.Require;
import io.holdfast.kernel.sanctions.WalletAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exchange registers the addresses it knows its accounts by; each registration is screened
 * against the current sanctions lists right after it is stored.
 */
@RestController
@RequestMapping(path = "/api/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountAddressesController {

    static final int MAX_ADDRESSES_PER_ACCOUNT = 10_000;

    private final AddressRegistration registration;
    private final KnownAddresses knownAddresses;

    AccountAddressesController(AddressRegistration registration, KnownAddresses knownAddresses) {
        this.registration = registration;
        this.knownAddresses = knownAddresses;
    }

    /** The annotations state for the contract what {@link #replace} checks itself. */
    record AddressBody(@NotBlank String currency, @NotBlank String address, String kind) {}

    record AddressesBody(
            @NotBlank String holderName, @NotNull List<AddressBody> addresses) {}

    record RegisteredAddress(String currency, String address, String key, AddressKind kind) {
        static RegisteredAddress of(KnownAddress known) {
            return new RegisteredAddress(
                    known.address().currency(),
                    known.address().address(),
                    known.address().key(),
                    known.kind());
        }
    }

    record AccountAddresses(
            String accountId, String holderName, List<RegisteredAddress> addresses, String screeningRun) {}

    record BulkAnswer(int accounts, long addresses, String screeningRun) {}

    @PutMapping(path = "/{accountId}/addresses", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AccountAddresses> replace(
            @PathVariable String accountId, @RequestBody AddressesBody body, Actor actor) {
        AccountId account = Fields.named("accountId", () -> AccountId.of(accountId));
        String holder = Fields.named("holderName", () -> Require.text("holderName", body.holderName(), 300));
        if (body.addresses() == null) {
            throw new InvalidValueException(
                    "addresses",
                    "is required: the account's addresses replace the ones registered ([] removes them all)");
        }
        List<AddressBody> given =
                Fields.named("addresses", () -> Require.list("addresses", body.addresses(), MAX_ADDRESSES_PER_ACCOUNT));
        List<KnownAddress> addresses = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            AddressBody each = given.get(i);
            String field = "addresses[" + i + "]";
            WalletAddress address = Fields.within(field, () -> new WalletAddress(each.currency(), each.address()));
            AddressKind kind = Fields.named(field + ".kind", () -> kindOf(each.kind()));
            Integer earlier = seen.putIfAbsent(address.key(), i);
            if (earlier != null) {
                throw new InvalidValueException(
                        field + ".address", "is the same address as addresses[" + earlier + "]");
            }
            addresses.add(new KnownAddress(address, kind));
        }
        String runId = registration.replace(new Registration(account, holder, addresses), actor);
        return ResponseEntity.ok()
                .location(URI.create("/api/screening/runs/" + runId))
                .body(new AccountAddresses(
                        account.value(),
                        holder,
                        addresses.stream().map(RegisteredAddress::of).toList(),
                        runId));
    }

    @GetMapping("/{accountId}/addresses")
    AccountAddresses registered(@PathVariable String accountId) {
        AccountId account = Fields.named("accountId", () -> AccountId.of(accountId));
        Registration found = knownAddresses
                .find(account)
                .orElseThrow(() -> new NothingFound("account " + account + " has no registered addresses"));
        return new AccountAddresses(
                account.value(),
                found.holderName(),
                found.addresses().stream().map(RegisteredAddress::of).toList(),
                null);
    }

    /** Many accounts at once, as CSV with a header: {@code account_id,holder_name,currency,address[,kind]}. */
    @PostMapping(
            path = "/addresses",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<BulkAnswer> addMany(InputStream body, Actor actor) throws IOException {
        AddressRegistration.BulkOutcome outcome = registration.add(body, actor);
        return ResponseEntity.ok()
                .location(URI.create("/api/screening/runs/" + outcome.runId()))
                .body(new BulkAnswer(outcome.accounts(), outcome.addresses(), outcome.runId()));
    }

    static AddressKind kindOf(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return AddressKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidValueException("kind", "must be DEPOSIT or WITHDRAWAL");
        }
    }
}

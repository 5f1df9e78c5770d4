package io.holdfast.command.screening;

import io.holdfast.command.screening.KnownAddresses.Registration;
import io.holdfast.kernel.Actor;
import java.io.InputStream;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers known addresses and queues their screening in the same transaction: addresses are
 * never stored unscreened, whatever happens after the commit. The runner is woken after it.
 */
@Service
class AddressRegistration {

    private final KnownAddresses knownAddresses;
    private final ScreeningRuns runs;
    private final ScreeningRunner runner;
    private final TransactionTemplate transaction;
    private static final int CHUNK = 5_000;

    private final Clock clock = Clock.systemUTC();

    AddressRegistration(
            KnownAddresses knownAddresses,
            ScreeningRuns runs,
            ScreeningRunner runner,
            PlatformTransactionManager transactions) {
        this.knownAddresses = knownAddresses;
        this.runs = runs;
        this.runner = runner;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Replaces one account's addresses; answers the id of the screening run queued for them. Two
     * replacements of one account at the same moment are serialized by the account's row; one that
     * meets the other's new row on its key (or a deadlock) is done again, so the later one wins
     * whole, as for any PUT.
     */
    String replace(Registration registration, Actor actor) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(() -> {
                    knownAddresses.replace(registration, actor, clock.instant());
                    return runs.queueForAccount(registration.accountId().value());
                });
            } catch (DuplicateKeyException | PessimisticLockingFailureException concurrentReplacement) {
                if (attempt == 5) {
                    throw concurrentReplacement;
                }
            }
        }
    }

    record BulkOutcome(int accounts, long addresses, String runId) {}

    /**
     * Adds the addresses of a CSV upload, read and stored a few thousand rows at a time in one
     * transaction: a bad line anywhere stores nothing. Answers the screening run queued for them.
     */
    BulkOutcome add(InputStream csv, Actor actor) {
        java.time.Instant at = clock.instant();
        java.util.Set<String> accounts = new java.util.HashSet<>();
        long[] addresses = {0};
        String runId = inTransaction(() -> {
            AddressCsv.read(csv, CHUNK, chunk -> {
                knownAddresses.add(chunk, actor, at);
                chunk.forEach(each -> {
                    accounts.add(each.accountId().value());
                    addresses[0] += each.addresses().size();
                });
            });
            return runs.queueForBulkRegistration();
        });
        return new BulkOutcome(accounts.size(), addresses[0], runId);
    }

    /** Queues a screening of every known address against every list. */
    String requestScreening() {
        return inTransaction(runs::queueRequested);
    }

    private String inTransaction(java.util.function.Supplier<String> work) {
        return transaction.execute(status -> {
            String runId = work.get();
            runner.wakeAfterCommit();
            return runId;
        });
    }
}

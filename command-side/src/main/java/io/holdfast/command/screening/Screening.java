package io.holdfast.command.screening;

import io.holdfast.command.messaging.Refusals;
import io.holdfast.command.screening.Designations.Designation;
import io.holdfast.command.screening.Designations.ListVersion;
import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.EventMetadata;
import io.holdfast.kernel.Evidence;
import io.holdfast.kernel.FlagReason;
import io.holdfast.kernel.Policy;
import io.holdfast.kernel.Refusal;
import io.holdfast.kernel.Sha256;
import io.holdfast.kernel.Subject;
import io.holdfast.kernel.freezecase.FlagAccount;
import io.holdfast.kernel.sanctions.SanctionsMatch;
import io.holdfast.kernel.sanctions.WalletAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one screening: every known address in scope is looked up among the designated addresses
 * (a hash lookup each, by address key); each account and entry that match and that screening has
 * not flagged before get a case through the normal {@link FlagAccount} command, as
 * {@code system:screening}, with a case id derived from the pair so no pair is ever flagged twice.
 * Holder names are compared with listed names and close ones are recorded for review only.
 */
@Service
class Screening {

    static final Actor SCREENING = Actor.system("screening");
    private static final Logger log = LoggerFactory.getLogger(Screening.class);

    private final KnownAddresses knownAddresses;
    private final Designations designations;
    private final ScreeningRuns runs;
    private final CommandGateway commands;
    private final TransactionTemplate readOnly;
    private final double nameThreshold;

    Screening(
            KnownAddresses knownAddresses,
            Designations designations,
            ScreeningRuns runs,
            CommandGateway commands,
            PlatformTransactionManager transactions,
            ScreeningSettings settings) {
        this.knownAddresses = knownAddresses;
        this.designations = designations;
        this.runs = runs;
        this.commands = commands;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.nameThreshold = settings.nameMatchThreshold();
    }

    /** An account's addresses that one entry of one list designates. */
    private record Hit(String accountId, Designation designation, List<WalletAddress> accountAddresses) {}

    /** What the address phase found: matches by (list, entry, account), and how many addresses and matches it saw. */
    private record Lookups(Map<String, Hit> hits, long screened, int matches) {}

    /** What the flag phase did with the matches. */
    private record Flags(int raised, int alreadyFlagged, int failed, String firstFailure) {}

    /**
     * Screens once; asks {@code stopping} before each address, match and name and throws
     * {@link ScreeningPaused} when it says yes. Stopping between steps, never by interrupting a
     * thread, keeps a commit from being cut off inside the database's file I/O.
     */
    RunCounts run(ScreeningRun run, BooleanSupplier stopping) {
        long started = System.nanoTime();
        Map<String, ListVersion> versions = designations.currentVersions();
        String scope = run.trigger() == ScreeningRun.Trigger.ADDRESSES_REGISTERED ? run.accountId() : null;
        Lookups lookups = lookUp(scope, designations.byAddressKey(versions), stopping);
        long looked = System.nanoTime();
        Flags flags = raiseFlags(lookups.hits(), versions, run.runId(), stopping);
        long flagged = System.nanoTime();
        int names = screenNames(scope, run.runId(), stopping);
        long named = System.nanoTime();
        Long version = run.list() == null
                ? null
                : versions.containsKey(run.list()) ? versions.get(run.list()).version() : null;
        String failure = flags.failed() == 0
                ? null
                : flags.failed()
                        + " of the matches could not be flagged and are not recorded as flagged (screening again retries them); "
                        + "the first: " + flags.firstFailure();
        return new RunCounts(
                version,
                lookups.screened(),
                lookups.matches(),
                flags.raised(),
                flags.alreadyFlagged(),
                names,
                (looked - started) / 1_000_000,
                (flagged - looked) / 1_000_000,
                (named - flagged) / 1_000_000,
                failure);
    }

    /** Every known address in scope, streamed, looked up by its key among the designated ones. */
    private Lookups lookUp(String scope, Map<String, List<Designation>> designated, BooleanSupplier stopping) {
        Map<String, Hit> hits = new LinkedHashMap<>();
        long[] screened = {0};
        int[] matches = {0};
        readOnly.executeWithoutResult(status -> knownAddresses.forEach(scope, row -> {
            ScreeningPaused.ifAsked(stopping);
            screened[0]++;
            for (Designation designation : designated.getOrDefault(row.key(), List.of())) {
                matches[0]++;
                String pair = ScreeningRuns.pair(designation.list(), designation.entryUid(), row.accountId());
                hits.computeIfAbsent(pair, p -> new Hit(row.accountId(), designation, new ArrayList<>()))
                        .accountAddresses()
                        .add(new WalletAddress(row.currency(), row.address()));
            }
        }));
        return new Lookups(hits, screened[0], matches[0]);
    }

    /** A case for each pair screening has not flagged before; one pair that cannot be flagged does not stop the others. */
    private Flags raiseFlags(
            Map<String, Hit> hits, Map<String, ListVersion> versions, String runId, BooleanSupplier stopping) {
        Set<String> flaggedBefore = runs.flaggedPairs();
        int raised = 0;
        int already = 0;
        int failed = 0;
        String firstFailure = null;
        for (Map.Entry<String, Hit> each : hits.entrySet()) {
            ScreeningPaused.ifAsked(stopping);
            Hit hit = each.getValue();
            if (flaggedBefore.contains(each.getKey())) {
                already++;
                continue;
            }
            try {
                if (flag(hit, versions.get(hit.designation().list()), runId)) {
                    raised++;
                } else {
                    already++;
                }
            } catch (RuntimeException refused) {
                log.error(
                        "screening run {} could not flag account {} for {} entry {}",
                        runId,
                        hit.accountId(),
                        hit.designation().list(),
                        hit.designation().entryUid(),
                        refused);
                failed++;
                if (firstFailure == null) {
                    firstFailure = "account " + hit.accountId() + ", entry "
                            + hit.designation().entryUid() + ": " + refused.getMessage();
                }
            }
        }
        return new Flags(raised, already, failed, firstFailure);
    }

    /** Opens the pair's case; false when it already exists (screened before on another node or run). */
    private boolean flag(Hit hit, ListVersion version, String runId) {
        Designation designation = hit.designation();
        AccountId account = AccountId.of(hit.accountId());
        CaseId caseId = ScreeningCaseIds.caseIdFor(designation.list(), designation.entryUid(), account);
        WalletAddress accountAddress = hit.accountAddresses().get(0);
        WalletAddress listed = new WalletAddress(designation.currency(), designation.address());
        SanctionsMatch match = new SanctionsMatch(
                designation.list(),
                designation.listVersion(),
                designation.entryUid(),
                designation.programs(),
                accountAddress,
                listed,
                runId);
        String holder = knownAddresses.holderName(hit.accountId()).orElse(hit.accountId());
        FlagReason reason =
                FlagReason.sanctionsMatch(designation.list(), designation.entryUid(), details(hit, version, runId));
        List<Evidence> evidence = version == null
                ? List.of()
                : List.of(new Evidence(
                        designation.list() + " version " + version.version() + " as imported from "
                                + (version.fileName() == null ? "the published file" : version.fileName())
                                + " (published " + version.publicationDate() + ")",
                        Sha256.of(version.digest())));
        Subject subject = new Subject(
                holder,
                hit.accountAddresses().stream()
                        .map(WalletAddress::address)
                        .distinct()
                        .toList());
        String outcome;
        try {
            FlagAccount command = new FlagAccount(caseId, account, subject, reason, evidence, SCREENING, match);
            // no person's request is being served: screening says itself who acts, for the audit trail's actor column
            commands.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(EventMetadata.of(SCREENING)));
            outcome = "FLAGGED";
            log.info(
                    "screening run {} flagged account {} for {} entry {} (case {})",
                    runId,
                    account,
                    designation.list(),
                    designation.entryUid(),
                    caseId);
        } catch (RuntimeException refused) {
            if (!alreadyFlagged(refused)) {
                throw refused;
            }
            outcome = "ALREADY_FLAGGED";
        }
        runs.recordFlag(designation.list(), designation.entryUid(), account.value(), caseId.value(), runId, outcome);
        return outcome.equals("FLAGGED");
    }

    /** The pair's case exists: flagged before, or by another node at the same moment. */
    private static boolean alreadyFlagged(RuntimeException refused) {
        return Refusals.of(refused)
                .filter(refusal -> Policy.CASE_ID_MUST_BE_UNUSED.named(refusal.policy())
                        || refusal.kind() == Refusal.Kind.CONCURRENT_CHANGE)
                .isPresent();
    }

    /** The reason's sentence, cut to what a reason holds (a very long entry name or program list is shortened). */
    private static String details(Hit hit, ListVersion version, String runId) {
        String sentence = sentence(hit, version, runId);
        return sentence.length() <= 2000 ? sentence : sentence.substring(0, 1997) + "...";
    }

    private static String sentence(Hit hit, ListVersion version, String runId) {
        Designation designation = hit.designation();
        return "Sanctions screening run " + runId + ": address "
                + hit.accountAddresses().get(0).address()
                + " (" + hit.accountAddresses().get(0).currency() + ") of this account is designated in "
                + designation.list() + " version " + designation.listVersion()
                + (version == null ? "" : " (published " + version.publicationDate() + ")")
                + ", entry " + designation.entryUid() + " " + designation.entryName()
                + (designation.programs().isEmpty() ? "" : ", programs " + String.join(", ", designation.programs()))
                + ", listed as " + designation.address() + " (" + designation.currency() + ").";
    }

    private int screenNames(String scope, String runId, BooleanSupplier stopping) {
        NameScreening names = new NameScreening(designations.listedNames(), nameThreshold);
        List<NameMatch> found = new ArrayList<>();
        readOnly.executeWithoutResult(status -> knownAddresses.forEachHolder(scope, (account, holder, key) -> {
            ScreeningPaused.ifAsked(stopping);
            found.addAll(names.matches(account, holder, key, runId));
        }));
        int recorded = 0;
        for (NameMatch match : found) {
            ScreeningPaused.ifAsked(stopping);
            if (runs.recordNameMatch(match, runId)) {
                recorded++;
            }
        }
        return recorded;
    }
}

package io.holdfast.query.ledger;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.InvalidValueException;
import io.holdfast.kernel.NothingFound;
import io.holdfast.kernel.audit.AuditEntry;
import io.holdfast.kernel.audit.CaseHistory;
import io.holdfast.kernel.audit.FindCaseHistory;
import io.holdfast.kernel.caseview.CaseView;
import io.holdfast.kernel.caseview.FindCase;
import io.holdfast.query.http.Answered;
import io.holdfast.query.http.ReadParameters;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's evidence bundle: what a court's expert checks offline with the ledger's public key alone.
 * The case is read as the caller may see it (a liaison sees its agency's cases; any other is not
 * found). Settled entries are added to the ledger and a checkpoint signed if the tree has grown, so
 * the checkpoint covers every entry the ledger holds; entries too recent to be settled are counted in
 * {@code entriesNotYetInLedger} and left out.
 */
@RestController
class EvidenceBundleController {

    private final QueryGateway queries;
    private final LedgerWriter writer;
    private final LedgerReads reads;

    EvidenceBundleController(QueryGateway queries, LedgerWriter writer, LedgerReads reads) {
        this.queries = queries;
        this.writer = writer;
        this.reads = reads;
    }

    @GetMapping(path = "/api/cases/{caseId}/evidence-bundle", produces = MediaType.APPLICATION_JSON_VALUE)
    LedgerAnswers.EvidenceBundle bundle(
            @PathVariable String caseId, @RequestParam(required = false) String since, Actor actor) {
        CaseId id = ReadParameters.caseId(caseId);
        CaseView view = Answered.now(queries.query(
                new FindCase(id, null, ReadParameters.confinedTo(actor)), ResponseTypes.instanceOf(CaseView.class)));
        if (view == null) {
            throw new NothingFound("case " + id + " was not found");
        }
        writer.appendSettled();
        LedgerStore.StoredCheckpoint checkpoint = writer.checkpoint().checkpoint();
        long treeSize = checkpoint.treeSize();
        Long from = since == null ? null : ReadParameters.required("since", since);
        if (from != null && (from < 1 || from > treeSize)) {
            throw new InvalidValueException("since", "must be the size of a checkpoint, between 1 and " + treeSize);
        }
        CaseHistory history = Answered.now(queries.query(
                new FindCaseHistory(id, ReadParameters.confinedTo(actor)),
                ResponseTypes.instanceOf(CaseHistory.class)));
        List<AuditEntry> all = history == null ? List.of() : history.entries();
        List<AuditEntry> covered = all.stream()
                .filter(entry -> entry.ledgerIndex() != null && entry.ledgerIndex() < treeSize)
                .toList();
        return new LedgerAnswers.EvidenceBundle(
                view,
                covered,
                all.size() - covered.size(),
                LedgerAnswers.Checkpoint.of(checkpoint),
                covered.stream()
                        .map(entry -> reads.inclusion(entry.ledgerIndex(), treeSize))
                        .toList(),
                reads.publicKey(),
                from == null ? null : reads.consistency(from, treeSize));
    }
}

package io.holdfast.query.ledger;

import io.holdfast.kernel.NothingFound;
import io.holdfast.kernel.PageRequest;
import io.holdfast.query.http.ReadParameters;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ledger over HTTP: its key, its checkpoints, proofs against them, and its verification. */
@RestController
@RequestMapping(path = "/api/audit/ledger", produces = MediaType.APPLICATION_JSON_VALUE)
class LedgerController {

    private final LedgerReads reads;
    private final LedgerWriter writer;
    private final LedgerStore store;
    private final LedgerVerifier verifier;

    LedgerController(LedgerReads reads, LedgerWriter writer, LedgerStore store, LedgerVerifier verifier) {
        this.reads = reads;
        this.writer = writer;
        this.store = store;
        this.verifier = verifier;
    }

    @GetMapping("/public-key")
    LedgerAnswers.PublicKey publicKey() {
        return reads.publicKey();
    }

    /** A checkpoint of the ledger as it stands: 201 when signed now, 200 with the latest when the tree has not grown. */
    @ApiResponse(responseCode = "201", description = "a checkpoint signed now", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "200",
            description = "the latest checkpoint: the tree has not grown since",
            useReturnTypeSchema = true)
    @PostMapping("/checkpoints")
    ResponseEntity<LedgerAnswers.Checkpoint> checkpoint() {
        writer.appendSettled();
        LedgerWriter.Signed signed = writer.checkpoint();
        return ResponseEntity.status(signed.isNew() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(LedgerAnswers.Checkpoint.of(signed.checkpoint()));
    }

    @GetMapping("/checkpoints/latest")
    LedgerAnswers.Checkpoint latest() {
        return store.latestCheckpoint()
                .map(LedgerAnswers.Checkpoint::of)
                .orElseThrow(() -> new NothingFound("no checkpoint has been signed yet"));
    }

    /** Every checkpoint, newest first. */
    @GetMapping("/checkpoints")
    LedgerAnswers.CheckpointPage checkpoints(
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        PageRequest asked = PageRequest.parse(page, size);
        return new LedgerAnswers.CheckpointPage(
                store.checkpoints(asked.page(), asked.size()).stream()
                        .map(LedgerAnswers.Checkpoint::of)
                        .toList(),
                asked.page(),
                asked.size(),
                store.checkpointCount());
    }

    @GetMapping("/proofs/inclusion")
    LedgerAnswers.InclusionProof inclusion(
            @RequestParam(required = false) String ledgerIndex, @RequestParam(required = false) String treeSize) {
        return reads.inclusion(
                ReadParameters.required("ledgerIndex", ledgerIndex), ReadParameters.required("treeSize", treeSize));
    }

    @GetMapping("/proofs/consistency")
    LedgerAnswers.ConsistencyProof consistency(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return reads.consistency(ReadParameters.required("from", from), ReadParameters.required("to", to));
    }

    @GetMapping("/verification")
    LedgerAnswers.Verification verification() {
        return verifier.verify();
    }
}

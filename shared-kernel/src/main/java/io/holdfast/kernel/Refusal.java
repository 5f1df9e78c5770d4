package io.holdfast.kernel;

import io.holdfast.kernel.freezecase.CaseCommandRejected;
import io.holdfast.kernel.sanctions.SanctionsListRejected;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;

/**
 * Why a command or query was refused, as a value that crosses Axon Server: a refusal's exception
 * class does not survive the wire, only the details of Axon's {@code CommandExecutionException} or
 * {@code QueryExecutionException} do. Every node answers a client from this, never from a class.
 * Its fields are read back by Holdfast's nodes of other versions too: add to them, never rename.
 *
 * @param kind     how a client should read the refusal
 * @param policy   the rule that refused it, where one did
 * @param sentence the refusal in words a compliance officer understands
 * @param field    the request field that was wrong, for {@link Kind#INVALID}
 */
public record Refusal(Kind kind, String policy, String sentence, String field) {

    public enum Kind {
        /** A value of the request is malformed. */
        INVALID,
        /** It does not exist, or the caller may not know it does. */
        NOT_FOUND,
        /** The caller's role or agency may not do it. */
        NOT_PERMITTED,
        /** A case's rule refuses it. */
        RULE_VIOLATED,
        /** A sanctions list's rule refuses the file. */
        LIST_REFUSED,
        /** It was meant for another version of the case than its current one. */
        STALE_VERSION,
        /** Another change to the same case was recorded at the same moment. */
        CONCURRENT_CHANGE
    }

    public Refusal {
        Require.present("kind", kind);
        Require.present("sentence", sentence);
    }

    /**
     * The refusal a failure raised on this node stands for, found in it or its causes. Empty for a
     * failure that is no refusal (a fault). A refusal that crossed from another node is found in
     * the details of Axon's execution exception instead.
     */
    public static Optional<Refusal> raisedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Optional<Refusal> raised = raisedByItself(cause);
            if (raised.isPresent()) {
                return raised;
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> raisedByItself(Throwable failure) {
        if (failure instanceof CaseCommandRejected rejected) {
            return Optional.of(new Refusal(
                    switch (rejected.kind()) {
                        case CONFLICT -> Kind.RULE_VIOLATED;
                        case NOT_PERMITTED -> Kind.NOT_PERMITTED;
                        case NOT_VISIBLE -> Kind.NOT_FOUND;
                        case STALE_VERSION -> Kind.STALE_VERSION;
                    },
                    rejected.policy(),
                    rejected.getMessage(),
                    null));
        }
        if (failure instanceof SanctionsListRejected rejected) {
            return Optional.of(new Refusal(
                    rejected.notPermitted() ? Kind.NOT_PERMITTED : Kind.LIST_REFUSED,
                    rejected.policy(),
                    rejected.getMessage(),
                    null));
        }
        if (failure instanceof InvalidValueException invalid) {
            return Optional.of(new Refusal(Kind.INVALID, null, invalid.rule(), invalid.field()));
        }
        if (failure instanceof NothingFound notFound) {
            return Optional.of(new Refusal(Kind.NOT_FOUND, null, notFound.getMessage(), null));
        }
        if (failure instanceof AggregateNotFoundException notFound) {
            return Optional.of(new Refusal(
                    Kind.NOT_FOUND, null, "case " + notFound.getAggregateIdentifier() + " was not found", null));
        }
        if (failure instanceof AggregateStreamCreationException) {
            return Optional.of(new Refusal(
                    Kind.CONCURRENT_CHANGE,
                    null,
                    "a case with this id was created at the same moment; choose another case id",
                    null));
        }
        if (failure instanceof ConflictingModificationException || failure instanceof ConcurrencyException) {
            return Optional.of(new Refusal(
                    Kind.CONCURRENT_CHANGE,
                    null,
                    "another change to this case was recorded at the same moment; read the case again and retry",
                    null));
        }
        return Optional.empty();
    }
}

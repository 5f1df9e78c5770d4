package io.holdfast.app.messaging;

import io.holdfast.command.messaging.Refusals;
import io.holdfast.kernel.Refusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.MessageHandler;

/**
 * The command bus that handles commands on this node, and answers a refused one with Axon's
 * {@link CommandExecutionException} carrying its {@link Refusal} as details: the only part of a
 * failure that Axon Server carries back to the node that sent the command. It wraps the whole
 * handling, so a refusal found when the events are committed (two changes to one case at the same
 * moment) is answered the same way as one the case raised itself.
 */
final class CommandBusAnsweringRefusals extends SimpleCommandBus {

    private final MeterRegistry meters;

    CommandBusAnsweringRefusals(Builder builder, MeterRegistry meters) {
        super(builder);
        this.meters = meters;
    }

    @Override
    protected <C, R> void handle(
            CommandMessage<C> command,
            MessageHandler<? super CommandMessage<?>> handler,
            CommandCallback<? super C, ? super R> callback) {
        CommandCallback<C, R> answeringRefusals = (message, result) -> {
            CommandResultMessage<? extends R> answer = withRefusal(result);
            count(command, answer);
            callback.onResult(message, answer);
        };
        super.handle(command, handler, answeringRefusals);
    }

    /** {@code holdfast.commands}: each handled command by type and outcome, a refusal with its policy. */
    private void count(CommandMessage<?> command, CommandResultMessage<?> answer) {
        Optional<Refusal> refusal = answer.isExceptional() ? Refusals.of(answer.exceptionResult()) : Optional.empty();
        String outcome = !answer.isExceptional()
                ? "accepted"
                : refusal.map(r -> switch (r.kind()) {
                            case RULE_VIOLATED, LIST_REFUSED, NOT_PERMITTED -> "refused";
                            case CONCURRENT_CHANGE -> "conflict";
                            case STALE_VERSION -> "precondition_failed";
                            case NOT_FOUND -> "not_found";
                            case INVALID -> "invalid";
                        })
                        .orElse("failed");
        Counter.builder("holdfast.commands")
                .description("commands handled on this node, by type and outcome")
                .tag("type", command.getPayloadType().getSimpleName())
                .tag("outcome", outcome)
                .tag(
                        "policy",
                        refusal.map(Refusal::policy)
                                .filter(policy -> policy != null)
                                .orElse("none"))
                .register(meters)
                .increment();
    }

    static <R> CommandResultMessage<? extends R> withRefusal(CommandResultMessage<? extends R> result) {
        if (!result.isExceptional() || result.exceptionDetails().isPresent()) {
            return result;
        }
        Throwable failure = result.exceptionResult();
        Optional<Refusal> refusal = Refusals.of(failure);
        if (refusal.isEmpty()) {
            return result;
        }
        HandlerExecutionException carried =
                new CommandExecutionException(refusal.get().sentence(), failure, refusal.get());
        return new GenericCommandResultMessage<R>(carried, result.getMetaData());
    }
}

package io.holdfast.app.messaging;

import io.holdfast.kernel.Refusal;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.MessageHandler;

import java.util.Optional;

/**
 * The command bus that handles commands on this node, and answers a refused one with Axon's
 * {@link CommandExecutionException} carrying its {@link Refusal} as details: the only part of a
 * failure that Axon Server carries back to the node that sent the command. It wraps the whole
 * handling, so a refusal found when the events are committed (two changes to one case at the same
 * moment) is answered the same way as one the case raised itself.
 */
final class CommandBusAnsweringRefusals extends SimpleCommandBus {

    CommandBusAnsweringRefusals(Builder builder) {
        super(builder);
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        CommandCallback<C, R> answeringRefusals = (message, result) -> callback.onResult(message, withRefusal(result));
        super.handle(command, handler, answeringRefusals);
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
        HandlerExecutionException carried = new CommandExecutionException(refusal.get().sentence(), failure, refusal.get());
        return new GenericCommandResultMessage<R>(carried, result.getMetaData());
    }
}

package io.holdfast.app.messaging;

import io.holdfast.command.messaging.Refusals;
import io.holdfast.kernel.Refusal;
import java.util.Optional;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryMessage;

/**
 * Answers a refused query with Axon's {@link QueryExecutionException} carrying its {@link Refusal}
 * as details, which Axon Server carries back to the node that asked (a class does not survive it).
 */
final class QueryHandlersAnsweringRefusals implements MessageHandlerInterceptor<QueryMessage<?, ?>> {

    @Override
    public Object handle(UnitOfWork<? extends QueryMessage<?, ?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (HandlerExecutionException alreadyCarried) {
            throw alreadyCarried;
        } catch (Exception failure) {
            Optional<Refusal> refusal = Refusals.of(failure);
            if (refusal.isEmpty()) {
                throw failure;
            }
            throw new QueryExecutionException(refusal.get().sentence(), failure, refusal.get());
        }
    }
}

package io.holdfast.app.storage;

import io.holdfast.app.request.StoreDurability;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A command is answered only once the disk holds its commit. On the embedded store a commit may
 * return while another thread's write of it is failing on a full disk; the command would be answered
 * as done and the store, reopened, would not hold it. The wait runs once the transaction holding the
 * command has committed (the Idempotency-Key's, begun before the command, or the command's own), so a
 * write that fails makes the command fail with it.
 */
final class CommitOnDiskBeforeAnswer implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final StoreDurability durability;

    CommitOnDiskBeforeAnswer(StoreDurability durability) {
        this.durability = durability;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    durability.awaitDiskHoldsWhatIsShown();
                }
            });
        }
        return interceptorChain.proceed();
    }
}

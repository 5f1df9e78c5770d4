package io.holdfast.app.messaging;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.axonserver.connector.command.AxonServerCommandDispatchException;
import org.axonframework.axonserver.connector.query.AxonServerQueryDispatchException;

/**
 * Tells a failure to reach Axon Server from a failure of the work itself. A command or query that
 * could not be dispatched was never handled, so the client may simply ask again later (503); one
 * that was handled and failed is answered from its refusal, or is a fault.
 */
public final class AxonServerAway {

    private static final Set<ErrorCode> NOT_DELIVERED = EnumSet.of(
            ErrorCode.CONNECTION_FAILED,
            ErrorCode.COMMAND_DISPATCH_ERROR,
            ErrorCode.QUERY_DISPATCH_ERROR,
            ErrorCode.NO_EVENT_STORE_MASTER_AVAILABLE);
    private static final Set<Status.Code> UNREACHABLE =
            EnumSet.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED);

    private AxonServerAway() {}

    /** What kept the message from Axon Server, or empty when the failure is of another kind. */
    public static Optional<String> reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (notDelivered(cause)) {
                return Optional.of(cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
        }
        return Optional.empty();
    }

    private static boolean notDelivered(Throwable cause) {
        return cause instanceof AxonServerCommandDispatchException
                || cause instanceof AxonServerQueryDispatchException
                || cause instanceof AxonServerException server && NOT_DELIVERED.contains(server.errorCode())
                || cause instanceof io.axoniq.axonserver.connector.AxonServerException
                || cause instanceof StatusRuntimeException grpc
                        && UNREACHABLE.contains(grpc.getStatus().getCode());
    }
}

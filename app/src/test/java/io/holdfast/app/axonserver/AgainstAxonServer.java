package io.holdfast.app.axonserver;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs an HTTP suite against a real Axon Server named by {@code HOLDFAST_TEST_AXONSERVER=host:port}
 * ({@code HOLDFAST_TEST_AXONSERVER_TOKEN} and {@code HOLDFAST_TEST_AXONSERVER_CONTEXT} when it needs
 * them): events, commands and queries go through the server, as on the {@code axonserver} profile.
 * Without it the suite is skipped, and the run says once how to run it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(AgainstAxonServer.WhenNamed.class)
@TestPropertySource(
        properties = {
            "holdfast.test.mode=on-axon-server",
            "axon.axonserver.enabled=true",
            "axon.axonserver.servers=${HOLDFAST_TEST_AXONSERVER:}",
            "axon.axonserver.token=${HOLDFAST_TEST_AXONSERVER_TOKEN:}",
            "axon.axonserver.context=${HOLDFAST_TEST_AXONSERVER_CONTEXT:default}"
        })
public @interface AgainstAxonServer {

    String VARIABLE = "HOLDFAST_TEST_AXONSERVER";

    final class WhenNamed implements ExecutionCondition {

        private static final AtomicBoolean TOLD = new AtomicBoolean();

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String server = System.getenv(VARIABLE);
            if (server != null && !server.isBlank()) {
                return ConditionEvaluationResult.enabled("Axon Server at " + server);
            }
            String how = "The suites against a real Axon Server were skipped: name one with " + VARIABLE
                    + "=host:8124 (and HOLDFAST_TEST_AXONSERVER_TOKEN, HOLDFAST_TEST_AXONSERVER_CONTEXT if it needs them)"
                    + " and run mvn -B verify -pl app -am -Dtest='*OnAxonServerTest' -Dsurefire.failIfNoSpecifiedTests=false";
            if (TOLD.compareAndSet(false, true)) {
                System.out.println(how);
            }
            return ConditionEvaluationResult.disabled(how);
        }
    }
}

package io.holdfast.app.http;

import io.holdfast.app.axonserver.AxonServerWire;
import org.springframework.context.annotation.Import;

/** {@link SecurityRegressionHttpTest} with every command, query and answer crossing Axon Server's wire. */
@Import(AxonServerWire.class)
class SecurityRegressionOverAxonServerWireTest extends SecurityRegressionHttpTest {
}

package io.holdfast.app.http;

import io.holdfast.app.axonserver.AxonServerWire;
import org.springframework.context.annotation.Import;

/** {@link CaseReadsHttpTest} with every command, query and answer crossing Axon Server's wire. */
@Import(AxonServerWire.class)
class CaseReadsOverAxonServerWireTest extends CaseReadsHttpTest {
}

package io.holdfast.app.http;

import io.holdfast.app.axonserver.OverAxonServerWire;

/** {@link AuditTrailHttpTest} with every command, query and answer crossing Axon Server's wire ({@link OverAxonServerWire}). */
@OverAxonServerWire
class AuditTrailOverAxonServerWireTest extends AuditTrailHttpTest {
}

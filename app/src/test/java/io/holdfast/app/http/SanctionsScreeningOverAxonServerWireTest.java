package io.holdfast.app.http;

import io.holdfast.app.axonserver.OverAxonServerWire;

/** {@link SanctionsScreeningHttpTest} with every command, query and answer crossing Axon Server's wire ({@link OverAxonServerWire}). */
@OverAxonServerWire
class SanctionsScreeningOverAxonServerWireTest extends SanctionsScreeningHttpTest {
}
